import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';

/**
 * Who may own a meeting's action item or an Open Space group's action plan: the station's staff and
 * council, and those who registered for, signed into, or joined a group at the meeting (each with an
 * account, so they can see and complete it). A name typed freely (物业公司, 施工单位) stays possible
 * with no account behind it.
 */

export const PERSON_REASONS = ['staff', 'council', 'registered', 'attended', 'group'] as const;
export type PersonReason = (typeof PERSON_REASONS)[number];
export interface MeetingPerson {
  userId: number;
  name: string;
  why: PersonReason[];
}

/**
 * The people of a meeting. `groupsOnly` (a group's convener, who is not staff) leaves out those who only
 * registered or signed in: a resident convener sees the room's groups and the station's officers.
 */
async function peopleOf(
  db: DbOrTx,
  meeting: { id: number; stationId: number },
  groupsOnly: boolean,
  only: number | null = null,
) {
  const result = await db.execute<{ id: string; name: string; why: PersonReason[] }>(sql`
    select u.id, u.display_name as name, array_agg(distinct p.why order by p.why) as why from (
      select user_id, 'staff' as why from accounts_role_grants
        where station_id = ${meeting.stationId} and role <> 'resident'
      union all select user_id, 'council' from stations_council_members
        where station_id = ${meeting.stationId} and left_on is null and user_id is not null
      union all select user_id, 'group' from deliberation_space_members where meeting_id = ${meeting.id}
      union all select convener_user_id, 'group' from deliberation_space_topics where meeting_id = ${meeting.id}
      ${
        groupsOnly
          ? sql``
          : sql`union all select user_id, 'registered' from deliberation_registrations
                  where meeting_id = ${meeting.id}
                union all select user_id, 'attended' from deliberation_attendance
                  where meeting_id = ${meeting.id} and user_id is not null`
      }
    ) p join accounts_users u on u.id = p.user_id and u.disabled_at is null
    ${only === null ? sql`` : sql`where u.id = ${only}`}
    group by u.id, u.display_name order by u.display_name, u.id limit 1000`);
  return result.rows.map((r) => ({ userId: Number(r.id), name: r.name, why: r.why }));
}

/**
 * The people a manager of the meeting (found by meetingFor), or a convener of one of its Open Space
 * groups, may pick from.
 */
export async function meetingPeople(
  ctx: AuthedCtx,
  { meeting, manage }: { meeting: { id: number; stationId: number }; manage: boolean },
): Promise<{ items: MeetingPerson[] }> {
  if (manage) return { items: await peopleOf(ctx.db, meeting, false) };
  const convenes = await ctx.db.execute(sql`select 1 from deliberation_space_topics
    where meeting_id = ${meeting.id} and convener_user_id = ${ctx.user.userId} limit 1`);
  if (convenes.rows.length === 0) throw new AppError('FORBIDDEN');
  return { items: await peopleOf(ctx.db, meeting, true) };
}

/**
 * Refuses an owner account outside the meeting's people (by the same rule as meetingPeople for the one
 * assigning); the owner's name is then the account's own, whatever was typed.
 */
export async function checkOwner(
  db: DbOrTx,
  meeting: { id: number; stationId: number },
  ownerUserId: number | null,
  groupsOnly: boolean,
): Promise<string | null> {
  if (ownerUserId === null) return null;
  const [person] = await peopleOf(db, meeting, groupsOnly, ownerUserId);
  if (!person) {
    throw fieldError(
      'ownerUserId',
      '负责人须是本站工作人员、议事会成员或本次会议的参加者',
      "The owner must be the station's staff, a council member or one who takes part in this meeting",
    );
  }
  return person.name;
}
