import type { EntityManager } from 'typeorm';
import { resolveMeetingStatus, type ResolvedMeeting } from '../lifecycle/meeting-status.js';
import { Meeting } from './meeting.entity.js';
import { MeetingReading } from './meeting-reading.entity.js';

/** A meeting's status and date as its readings give them (see resolveMeetingStatus); null with no reading. */
export async function resolveMeetingReadings(manager: EntityManager, meetingId: string): Promise<ResolvedMeeting | null> {
  const readings = await manager.find(MeetingReading, { where: { meetingId } });
  return resolveMeetingStatus(readings.map((reading) => ({ ...reading, byAnalyst: reading.newsItemId === null })));
}

/**
 * Re-derives a meeting's status and date from every reading of it and stores them. Returns them before and
 * after, so a caller can follow a change (due dates estimated from the meeting's date, follow-ups it closes).
 */
export async function applyMeetingReadings(
  manager: EntityManager,
  meetingId: string,
): Promise<{ before: ResolvedMeeting; after: ResolvedMeeting }> {
  const meeting = await manager.findOneByOrFail(Meeting, { id: meetingId });
  const before: ResolvedMeeting = { status: meeting.status, date: meeting.date, dateSource: meeting.dateSource };
  const after = (await resolveMeetingReadings(manager, meetingId)) ?? before;
  if (after.status !== before.status || after.date !== before.date || after.dateSource !== before.dateSource) {
    await manager.update(Meeting, meetingId, { ...after, version: () => 'version + 1' });
  }
  return { before, after };
}
