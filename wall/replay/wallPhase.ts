// What the title bar says about the figures on screen: the connection's phase while they are
// live, or that they are a replay of the past.
import type { ConnectionPhase } from '../store/connectionPhase.ts';

export type WallPhase = ConnectionPhase | 'replay';
