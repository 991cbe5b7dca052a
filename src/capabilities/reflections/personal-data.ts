import type { PersonalData, PrivacyNotice } from '../../capability.js';
import { prepared } from '../../store/db.js';
import { nudgeTopic, promptTopic } from './plan.js';
import { repos } from './store/index.js';
import { expireReflections, forgetReflectionsOf } from './write.js';

/**
 * A person's reflections are theirs alone to keep: the export holds each with its date, community, who could read
 * it and its text; forgetting deletes them all (shared ones too), the prompts sent to them, their place in the
 * question bank, the pauses noted for their streak, and any prompt or nudge still queued for them. Questions they
 * added to a community's bank, and prompt schedules they set, stay the community's, credited to nobody.
 */
export const personalData: PersonalData = {
  export({ workspace, user }, { store }) {
    const q = (sql: string) => prepared(store.db, sql);
    return {
      reflections: repos(store)
        .reflections.exportOf(workspace.id, user.id)
        .map((r) => ({
          ref: r.ref,
          community: r.communityName,
          at: r.createdAt,
          editedAt: r.editedAt,
          visibility: r.visibility,
          readers: r.visibility === 'private' ? 'self' : r.visibility === 'team' ? 'community-members' : 'leads-and-coordinators',
          text: r.text,
        })),
      prompts: q(
        `SELECT c.name AS community, p.local_date AS date, p.sent_at AS at, p.answered_at AS answeredAt, p.nudged_at AS nudgedAt,
             'self' AS readers
           FROM reflection_prompts p JOIN communities c ON c.id = p.community_id WHERE p.workspace_id = ? AND p.user_id = ? ORDER BY p.sent_at`,
      ).all(workspace.id, user.id),
      questionsAdded: q(
        `SELECT c.name AS community, r.text, r.locale, r.created_at AS at, 'community' AS readers
           FROM reflection_questions r JOIN communities c ON c.id = r.community_id WHERE r.workspace_id = ? AND r.created_by = ? ORDER BY r.created_at`,
      ).all(workspace.id, user.id),
      questionsAsked: q(
        `SELECT question_key AS question, asked_at AS at, 'self' AS readers FROM reflection_questions_asked
           WHERE user_id = ? ORDER BY asked_at`,
      ).all(user.id),
      pauses: q(
        `SELECT starts_at AS at, until_date AS until, 'self' AS readers FROM reflection_pauses WHERE user_id = ? ORDER BY starts_at`,
      ).all(user.id),
      promptSchedulesSet: q(
        `SELECT c.name AS community, s.set_at AS at, 'leads' AS readers FROM reflection_prompt_schedules s
           JOIN communities c ON c.id = s.community_id WHERE s.workspace_id = ? AND s.set_by = ? ORDER BY s.set_at`,
      ).all(workspace.id, user.id),
    };
  },
  forget({ workspace, user }, { store }) {
    const run = (sql: string, ...args: unknown[]) => prepared(store.db, sql).run(...args);
    forgetReflectionsOf(store, workspace.id, user.id);
    run('DELETE FROM reflection_prompts WHERE workspace_id = ? AND user_id = ?', workspace.id, user.id);
    run('DELETE FROM reflection_questions_asked WHERE user_id = ?', user.id);
    run('DELETE FROM reflection_pauses WHERE user_id = ?', user.id);
    run('UPDATE reflection_questions SET created_by = NULL WHERE workspace_id = ? AND created_by = ?', workspace.id, user.id);
    run('UPDATE reflection_prompt_schedules SET set_by = NULL WHERE workspace_id = ? AND set_by = ?', workspace.id, user.id);
    run("DELETE FROM jobs WHERE topic IN (?, ?) AND state = 'pending'", promptTopic(user.id), nudgeTopic(user.id));
  },
  // RETENTION_DAYS: reflections older than the limit go, shared ones from the search too; prompts and the bank stay.
  expire: (before, { store }) => expireReflections(store, before),
};

/** What `privacy` says reflections keep about a person. */
export const privacy: PrivacyNotice = {
  stores: [
    { what: 'privacy.reflections.texts', readers: 'chosen', kept: 'retention', onForget: 'deleted' },
    { what: 'privacy.reflections.prompts', readers: 'self', kept: 'whileUsed', onForget: 'deleted' },
    { what: 'privacy.reflections.questions', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.reflections.schedules', readers: 'leads', kept: 'whileUsed', onForget: 'anonymous' },
  ],
};
