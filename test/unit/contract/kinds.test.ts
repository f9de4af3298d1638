import { describe, expect, it } from 'vitest';
import {
  ALARM_SOURCES,
  CASE_SOURCES,
  KINDS,
  KIND_INFO,
  STAGE_LABELS,
  isCaseKind,
  SEVERITIES,
  SEVERITY_LABELS,
  SOURCES,
  SOURCE_LABELS,
  isKind,
  kindsOfSource,
  sourceOfKind,
} from '../../../relay/contract/index.ts';

describe('kind table', () => {
  it('lists exactly the kinds of SPEC §4 under each source', () => {
    expect(kindsOfSource('sensor')).toEqual([
      'door_open',
      'smoke',
      'gas_leak',
      'ebike_charging',
      'elderly_inactivity',
      'elderly_sos',
    ]);
    expect(kindsOfSource('camera')).toEqual([
      'face_access',
      'vehicle_pass',
      'person_pass',
      'high_altitude_throw',
      'street_vendor',
      'illegal_construction',
      'watchlist_hit',
    ]);
    expect(kindsOfSource('alarm110')).toEqual([
      'burglary',
      'theft',
      'pickpocket',
      'ebike_theft',
      'telecom_fraud',
      'dispute',
      'other',
    ]);
    expect(kindsOfSource('grid')).toEqual([
      'street_trading',
      'illegal_building',
      'rubbish_pile',
      'broken_facility',
      'stairwell_clutter',
      'parking_disorder',
    ]);
    expect(kindsOfSource('hotline')).toEqual(['noise', 'property_service', 'sanitation', 'home_repair', 'enquiry']);
  });

  it('gives every grid and hotline kind a deadline, and no other kind one', () => {
    for (const kind of KINDS) {
      const hours = KIND_INFO[kind].deadlineHours;
      if (isCaseKind(kind)) expect(hours).toBeGreaterThan(0);
      else expect(hours).toBeUndefined();
    }
    expect(CASE_SOURCES.flatMap((source) => kindsOfSource(source)).every(isCaseKind)).toBe(true);
  });

  it('gives camera kinds the severities the spec names', () => {
    const severities = Object.fromEntries(
      kindsOfSource('camera').map((kind) => [kind, KIND_INFO[kind].severity]),
    );
    expect(severities).toEqual({
      face_access: 'info',
      vehicle_pass: 'info',
      person_pass: 'info',
      high_altitude_throw: 'critical',
      street_vendor: 'warning',
      illegal_construction: 'warning',
      watchlist_hit: 'critical',
    });
  });

  it('treats life-threatening sensor and 110 kinds as critical', () => {
    for (const kind of ['smoke', 'gas_leak', 'elderly_sos', 'burglary'] as const) {
      expect(KIND_INFO[kind].severity).toBe('critical');
    }
  });

  it('makes every alarm kind an incident except face access and passes; cases are not incidents', () => {
    const alarmKinds = ALARM_SOURCES.flatMap((source) => kindsOfSource(source));
    expect(KINDS.filter((kind) => isCaseKind(kind) && KIND_INFO[kind].incident)).toEqual([]);
    expect(alarmKinds.filter((kind) => !KIND_INFO[kind].incident)).toEqual([
      'face_access',
      'vehicle_pass',
      'person_pass',
    ]);
  });

  it('labels every kind, source and severity in Chinese and English', () => {
    const labels = [
      ...KINDS.map((kind) => KIND_INFO[kind].label),
      ...SOURCES.map((source) => SOURCE_LABELS[source]),
      ...SEVERITIES.map((severity) => SEVERITY_LABELS[severity]),
      ...Object.values(STAGE_LABELS),
    ];
    for (const { zh, en } of labels) {
      expect(zh).toMatch(/\p{Script=Han}/u);
      expect(en).toMatch(/^[A-Z0-9]/);
    }
    expect(KIND_INFO.door_open.label).toEqual({
      zh: '楼洞防盗门未关',
      en: 'Door left open',
    });
  });

  it('maps every kind back to the source that lists it', () => {
    for (const source of SOURCES) {
      for (const kind of kindsOfSource(source)) expect(sourceOfKind(kind)).toBe(source);
    }
    expect(SOURCES.flatMap((source) => kindsOfSource(source))).toHaveLength(KINDS.length);
  });

  it('does not mistake inherited property names for kinds', () => {
    expect(isKind('smoke')).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(isKind(name)).toBe(false);
    }
  });
});
