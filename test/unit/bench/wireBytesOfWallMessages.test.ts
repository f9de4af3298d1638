// Bytes on the wire of a wall's messages: the engine.io packet (type digit + Socket.IO text, as
// UTF-8) in a server WebSocket frame, whose header grows at 126 and 65,536 payload bytes.
import { describe, expect, it } from 'vitest';
import { engineMessageBytes, webSocketFrameBytes } from '../../bench/wireBytes.ts';

describe("bytes on the wire of a wall's messages", () => {
  it('adds the frame header that fits the payload length', () => {
    expect(webSocketFrameBytes(0)).toBe(2);
    expect(webSocketFrameBytes(125)).toBe(127);
    expect(webSocketFrameBytes(126)).toBe(130);
    expect(webSocketFrameBytes(65_535)).toBe(65_539);
    expect(webSocketFrameBytes(65_536)).toBe(65_546);
  });

  it('counts the packet type and multi-byte characters as sent', () => {
    // '4' + '2["event","石泉"]': 1 + 13 ASCII bytes + two 3-byte characters, in a 2-byte header.
    expect(engineMessageBytes('2["event","石泉"]')).toBe(2 + 1 + 13 + 6);
  });
});
