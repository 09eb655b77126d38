import { addDays } from '@dyad/domain';
import type { TestApi } from './api.js';
import { factories } from './factories.js';

// Data for the browser tests: dates relative to today, so the overview's default period (last 12 months) has them.

export const todayIso = () => new Date(Date.now() + 3.5 * 3_600_000).toISOString().slice(0, 10);

/** Meetings, proposals and follow-ups over the last year for a few pairs (SQL factories, fast). */
export async function seedCooperation(api: TestApi): Promise<void> {
  const db = await api.database.connect();
  const make = factories(db);
  const today = todayIso();
  const pairs: [string[], number][] = [[['IR', 'KZ'], 9], [['IR', 'RU'], 6], [['RU', 'TR'], 4], [['IR', 'IQ'], 3]];
  const types = ['MEETING', 'VISIT', 'CALL', 'SIGNING'] as const;
  let n = 0;
  for (const [parties, count] of pairs) {
    for (let i = 0; i < count; i++, n++) {
      const date = addDays(today, -((n * 37) % 330) - 3);
      const meeting = await make.createMeeting({ parties, date, type: types[n % types.length], sectors: n % 2 ? ['TRADE'] : ['CULTURE', 'CINEMA'] });
      if (i % 3 === 0) {
        await make.createProposal({
          parties, kind: i % 2 ? 'AGREEMENT' : 'MOU', originMeetingId: meeting.id, sectors: ['TRADE'],
          history: [{ status: 'PROPOSED', date: addDays(date, 0) }, ...(i % 2 ? [] : [{ status: 'SIGNED' as const, date: addDays(date, 2) }])],
        });
      }
      await make.createFollowUp({ meetingId: meeting.id, owners: [parties[0]], description: `Follow-up ${n} for ${parties.join('-')}`, dueDate: addDays(date, 30), status: n % 4 === 0 ? 'DONE' : 'OPEN' });
    }
  }
  // A meeting no report dated (in no chart, shown as "Date unknown") and a visit announced for next week.
  await make.createMeeting({ parties: ['IR', 'KZ'], date: null, type: 'MEETING', sectors: ['CULTURE'], summary: 'Talks on film distribution' });
  await make.createMeeting({ parties: ['IR', 'KZ'], date: addDays(today, 12), type: 'VISIT', status: 'SCHEDULED', sectors: ['CINEMA'], summary: 'Visit to Astana' });
  await db.destroy();
}
