import type { PersonalData, PrivacyNotice } from '../../capability.js';
import { prepared } from '../../store/db.js';

/**
 * A person's part of peer observation. Export: the rounds they were in (whom they visited, who visited them),
 * the feedback they wrote or received (readers: the two of them), the focus they asked for, their avoid list
 * (readers: themselves) and the takeaways they shared (readers: the community). Forget: the feedback they wrote
 * or received, their focus texts, their takeaways, every avoid entry by them or about them and the jobs that
 * would write to them go; their place in past rounds stays as an anonymous number (the id becomes NULL), so the
 * others' history of who met whom, and the community's counts, stay right.
 */
export const personalData: PersonalData = {
  export({ workspace, user }, { store }) {
    const q = (sql: string) => prepared(store.db, sql);
    const name = (id: number | null) => (id === null ? null : (store.users.get(workspace.id, id)?.displayName ?? null));
    const visits = q(
      `SELECT r.ref AS round, c.name AS community, r.started_at AS at, r.ends_at AS until, v.observer_id AS observerId,
           v.observed_id AS observedId, v.focus_choice AS focusChoice, v.focus_text AS focusText, v.happened,
           v.glow, v.grow, v.notes, v.feedback_at AS feedbackAt
         FROM pairing_visits v JOIN pairing_rounds r ON r.id = v.round_id JOIN communities c ON c.id = r.community_id
         WHERE r.workspace_id = ? AND (v.observer_id = ? OR v.observed_id = ?) AND v.cancelled_at IS NULL ORDER BY r.started_at, v.id`,
    ).all(workspace.id, user.id, user.id) as {
      round: number;
      community: string;
      at: number;
      until: number;
      observerId: number | null;
      observedId: number | null;
      focusChoice: string | null;
      focusText: string | null;
      happened: string | null;
      glow: string | null;
      grow: string | null;
      notes: string | null;
      feedbackAt: number | null;
    }[];
    return {
      rounds: visits.map((v) => ({
        round: `#${v.round}`,
        community: v.community,
        at: v.at,
        until: v.until,
        role: v.observerId === user.id ? 'observer' : 'observed',
        visits: v.observerId === user.id ? name(v.observedId) : undefined,
        visitedBy: v.observedId === user.id ? name(v.observerId) : undefined,
        focus: v.focusChoice ? { choice: v.focusChoice, text: v.focusText } : null,
        happened: v.happened,
        readers: 'the observer and the observed teacher',
      })),
      feedback: visits
        .filter((v) => v.feedbackAt !== null)
        .map((v) => ({
          round: `#${v.round}`,
          at: v.feedbackAt,
          direction: v.observerId === user.id ? 'written' : 'received',
          glow: v.glow,
          grow: v.grow,
          notes: v.notes,
          readers: 'the observer and the observed teacher only',
        })),
      avoidList: q(
        `SELECT c.name AS community, u.display_name AS person, a.created_at AS at, 'self' AS readers FROM pairing_avoid a
           JOIN communities c ON c.id = a.community_id JOIN users u ON u.id = a.avoid_id
           WHERE c.workspace_id = ? AND a.user_id = ? ORDER BY a.created_at`,
      ).all(workspace.id, user.id),
      takeaways: q(
        `SELECT t.ref, c.name AS community, t.text, t.created_at AS at, 'community' AS readers FROM pairing_takeaways t
           JOIN communities c ON c.id = t.community_id WHERE t.workspace_id = ? AND t.author_id = ? ORDER BY t.created_at`,
      ).all(workspace.id, user.id),
    };
  },
  forget({ workspace, user }, { store }) {
    const run = (sql: string, ...args: unknown[]) => prepared(store.db, sql).run(...args);
    const inWorkspace = 'round_id IN (SELECT id FROM pairing_rounds WHERE workspace_id = ?)';
    // Feedback written or received, and the focus asked for, are the person's words or about them: they go.
    run(
      `UPDATE pairing_visits SET glow = NULL, grow = NULL, notes = NULL, feedback_at = NULL WHERE ${inWorkspace} AND (observer_id = ? OR observed_id = ?)`,
      workspace.id,
      user.id,
      user.id,
    );
    run(`UPDATE pairing_visits SET focus_text = NULL WHERE ${inWorkspace} AND observed_id = ?`, workspace.id, user.id);
    run(`UPDATE pairing_visits SET observer_id = NULL WHERE ${inWorkspace} AND observer_id = ?`, workspace.id, user.id);
    run(`UPDATE pairing_visits SET observed_id = NULL WHERE ${inWorkspace} AND observed_id = ?`, workspace.id, user.id);
    run(
      'DELETE FROM pairing_avoid WHERE community_id IN (SELECT id FROM communities WHERE workspace_id = ?) AND (user_id = ? OR avoid_id = ?)',
      workspace.id,
      user.id,
      user.id,
    );
    run('DELETE FROM pairing_takeaways WHERE workspace_id = ? AND author_id = ?', workspace.id, user.id);
    // A rotation lists its members' seats: the next round makes a new one from the history that stays.
    for (const { id } of prepared(store.db, 'SELECT id FROM communities WHERE workspace_id = ?').all(workspace.id) as { id: number }[]) {
      const row = prepared(store.db, 'SELECT state FROM pairing_rotations WHERE community_id = ?').get(id) as { state: string } | undefined;
      if (row && (JSON.parse(row.state) as { members: number[] }).members.includes(user.id))
        run('DELETE FROM pairing_rotations WHERE community_id = ?', id);
    }
    run(
      "DELETE FROM jobs WHERE kind IN ('pairing.focusReminder', 'pairing.ask') AND state = 'pending' AND json_extract(payload, '$.workspaceId') = ? AND json_extract(payload, '$.userId') = ?",
      workspace.id,
      user.id,
    );
  },
  // RETENTION_DAYS: feedback written before the limit goes; the visit stays (who met whom, whether it happened).
  expire(before, { store }) {
    return prepared(
      store.db,
      'UPDATE pairing_visits SET glow = NULL, grow = NULL, notes = NULL, feedback_at = NULL WHERE feedback_at < ?',
    ).run(before).changes;
  },
};

/**
 * What `privacy` says peer observation keeps about a person. Who met whom stays as anonymous history (leads see
 * a round's pairs with `pair why`); the focus and the feedback are the pair's alone.
 */
export const privacy: PrivacyNotice = {
  stores: [
    { what: 'privacy.pairing.rounds', readers: 'leads', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.pairing.focus', readers: 'pair', kept: 'whileUsed', onForget: 'deleted' },
    { what: 'privacy.pairing.feedback', readers: 'pair', kept: 'retention', onForget: 'deleted' },
    { what: 'privacy.pairing.avoid', readers: 'self', kept: 'whileUsed', onForget: 'deleted' },
    { what: 'privacy.pairing.takeaways', readers: 'community', kept: 'whileUsed', onForget: 'deleted' },
  ],
};
