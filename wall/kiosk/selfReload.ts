// The one way the kiosk reloads the page: the live view saved for the next page to show at once,
// the reason recorded (for the loop guards and for testers) and logged as one JSON line.
import { recordReload, saveResume } from './kioskSession.ts';
import type { ReloadRecord } from './reloadRecords.ts';
import type { ResumeState } from './resumeState.ts';

export function selfReload(record: ReloadRecord, resume: ResumeState | null): void {
  saveResume(resume);
  recordReload(record);
  console.info(JSON.stringify({ wall: 'kiosk', event: 'reload', ...record }));
  location.reload();
}
