// Bytes on the wire of what a wall receives over Socket.IO's websocket transport. The servers
// here do not compress (engine.io's perMessageDeflate is off by default), so a message costs its
// payload plus the WebSocket frame header. Pure.
import { Buffer } from 'node:buffer';

/** A server-to-client WebSocket frame (unmasked, RFC 6455 §5.2) carrying `payloadBytes`. */
export function webSocketFrameBytes(payloadBytes: number): number {
  const extendedLength = payloadBytes > 0xffff ? 8 : payloadBytes > 125 ? 2 : 0;
  return 2 + extendedLength + payloadBytes;
}

/** An engine.io message packet as sent: the type digit '4', then the Socket.IO packet's text. */
export function engineMessageBytes(socketIoPacket: string): number {
  return webSocketFrameBytes(1 + Buffer.byteLength(socketIoPacket, 'utf8'));
}
