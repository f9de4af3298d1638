// How a replay maps onto the wall clock. Files keep the historical timestamps; live targets
// (Kafka, the embedded bus) get the historical timeline shifted to start now and compressed by
// the speed-up, so the relay's "today" fills while the wall shows real time. At `max` speed
// events go as fast as the target takes them and are stamped when sent.

export type Speed = number | 'max';

export interface Timeline {
  /** Wall-clock ms when the event at historical time `historicalMs` is due (−∞ at max speed). */
  dueAt(historicalMs: number): number;
  /** The timestamp a live target gives the event: its due time, or the send time at max speed. */
  liveTime(historicalMs: number, sentAt: number): number;
}

export interface TimelineOptions {
  /** Historical time that maps onto `wallStart`: the run's first event or its window start. */
  historicalStart: number;
  wallStart: number;
  speed: Speed;
}

export function createTimeline({ historicalStart, wallStart, speed }: TimelineOptions): Timeline {
  if (speed === 'max') return { dueAt: () => -Infinity, liveTime: (_historical, sentAt) => sentAt };
  const dueAt = (historicalMs: number) => wallStart + (historicalMs - historicalStart) / speed;
  return { dueAt, liveTime: (historicalMs) => Math.round(dueAt(historicalMs)) };
}

/** `max`, or a positive finite number; null otherwise. */
export function parseSpeed(text: string): Speed | null {
  if (text === 'max') return 'max';
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const speed = Number(text);
  return speed > 0 && Number.isFinite(speed) ? speed : null;
}
