import type { PersonalData, PrivacyNotice } from '../../capability.js';
import { prepared } from '../../store/db.js';
import { askTopic } from './asks.js';

/**
 * A person's part of the goals. Their individual goals, with every check-in on them, are theirs alone and go
 * when they are forgotten; their check-ins on team and school goals go too. The team and school goals they
 * set are the team's and the school's, and stay, credited to nobody ("a former member"). Asks queued for them
 * are withdrawn.
 */
export const personalData: PersonalData = {
  export({ workspace, user }, { store }) {
    const q = (sql: string) => prepared(store.db, sql);
    return {
      goals: q(
        `SELECT g.ref, g.level, c.name AS community, g.text, g.due_on AS due, g.created_at AS at, g.closed_at AS closedAt,
             g.outcome, g.close_note AS closeNote,
             CASE g.level WHEN 'me' THEN 'self' WHEN 'team' THEN 'community' ELSE 'workspace' END AS readers
           FROM goals g LEFT JOIN communities c ON c.id = g.community_id
           WHERE g.workspace_id = ? AND (g.owner_id = ? OR g.author_id = ? OR g.closed_by = ?) ORDER BY g.created_at`,
      ).all(workspace.id, user.id, user.id, user.id),
      checkins: q(
        `SELECT g.ref AS goal, k.status, k.percent, k.evidence, k.at,
             CASE g.level WHEN 'me' THEN 'self' WHEN 'team' THEN 'community' ELSE 'workspace' END AS readers
           FROM goal_checkins k JOIN goals g ON g.id = k.goal_id
           WHERE g.workspace_id = ? AND k.author_id = ? ORDER BY k.at`,
      ).all(workspace.id, user.id),
      checkinSchedules: q(
        `SELECT CASE WHEN s.community_id IS NULL THEN 'school' ELSE c.name END AS scope, s.set_at AS at, 'leads' AS readers
           FROM goal_checkin_schedules s LEFT JOIN communities c ON c.id = s.community_id
           WHERE s.workspace_id = ? AND s.set_by = ? ORDER BY s.set_at`,
      ).all(workspace.id, user.id),
    };
  },
  forget({ workspace, user }, { store }) {
    const run = (sql: string, ...args: unknown[]) => prepared(store.db, sql).run(...args);
    run(
      'DELETE FROM goal_checkins WHERE author_id = ? AND goal_id IN (SELECT id FROM goals WHERE workspace_id = ?)',
      user.id,
      workspace.id,
    );
    run("DELETE FROM goals WHERE workspace_id = ? AND level = 'me' AND owner_id = ?", workspace.id, user.id);
    run('UPDATE goals SET author_id = NULL WHERE workspace_id = ? AND author_id = ?', workspace.id, user.id);
    run('UPDATE goals SET closed_by = NULL WHERE workspace_id = ? AND closed_by = ?', workspace.id, user.id);
    run('UPDATE goals SET owner_id = NULL WHERE workspace_id = ? AND owner_id = ?', workspace.id, user.id);
    run('UPDATE goal_checkin_schedules SET set_by = NULL WHERE workspace_id = ? AND set_by = ?', workspace.id, user.id);
    // Every pending ask, due or not: none may reach a person who is forgotten.
    store.jobs.unqueueTopic(askTopic(workspace.id, user.id), 0);
  },
  // RETENTION_DAYS: the evidence written in old check-ins goes; the check-in (status, progress) stays, so counts hold.
  expire(before, { store }) {
    return prepared(store.db, 'UPDATE goal_checkins SET evidence = NULL WHERE at < ? AND evidence IS NOT NULL').run(before).changes;
  },
};

/**
 * What `privacy` says goals keep about a person. A check-in is read by whoever reads its goal (the owner alone, the
 * team, or the school's staff); its evidence goes under RETENTION_DAYS, its status stays so that counts hold.
 */
export const privacy: PrivacyNotice = {
  stores: [
    { what: 'privacy.goals.own', readers: 'self', kept: 'whileUsed', onForget: 'deleted' },
    { what: 'privacy.goals.teamCheckins', readers: 'community', kept: 'whileUsed', onForget: 'deleted' },
    { what: 'privacy.goals.schoolCheckins', readers: 'workspace', kept: 'whileUsed', onForget: 'deleted' },
    { what: 'privacy.goals.evidence', readers: 'chosen', kept: 'retention', onForget: 'deleted' },
    { what: 'privacy.goals.team', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.goals.school', readers: 'workspace', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.goals.schedules', readers: 'leads', kept: 'whileUsed', onForget: 'anonymous' },
  ],
};
