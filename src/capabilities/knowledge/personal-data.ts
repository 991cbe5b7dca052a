import type { PersonalData, PrivacyNotice } from '../../capability.js';
import { prepared } from '../../store/db.js';

/**
 * A person's part of the library. What they shared, saved or wrote down as a norm is the team's and stays,
 * credited to "a former member": the rows keep no link to them. A message of theirs someone saved stays too,
 * and with the link goes their right, as its author, to remove it. The export lists what they shared or saved,
 * the messages of theirs in the library, the norms and the mission they wrote.
 */
export const personalData: PersonalData = {
  export({ workspace, user }, { store }) {
    const q = (sql: string) => prepared(store.db, sql);
    const resources = `SELECT r.ref, c.name AS community, r.url, r.text, r.shared_at AS at, 'community' AS readers
      FROM knowledge_resources r JOIN communities c ON c.id = r.community_id WHERE r.workspace_id = ?`;
    return {
      resourcesShared: q(`${resources} AND r.sharer_id = ? ORDER BY r.shared_at`).all(workspace.id, user.id),
      messagesSaved: q(`${resources} AND r.author_id = ? ORDER BY r.shared_at`).all(workspace.id, user.id),
      norms: q(
        `SELECT n.ref, c.name AS community, n.text, n.created_at AS at, 'community' AS readers FROM knowledge_norms n
           JOIN communities c ON c.id = n.community_id WHERE n.workspace_id = ? AND n.author_id = ? ORDER BY n.created_at`,
      ).all(workspace.id, user.id),
      missions: q(
        `SELECT c.name AS community, k.mission AS text, k.set_at AS at, 'community' AS readers FROM knowledge_charters k
           JOIN communities c ON c.id = k.community_id WHERE c.workspace_id = ? AND k.set_by = ? ORDER BY k.set_at`,
      ).all(workspace.id, user.id),
    };
  },
  forget({ workspace, user }, { store }) {
    const run = (sql: string, ...args: unknown[]) => prepared(store.db, sql).run(...args);
    run('UPDATE knowledge_resources SET sharer_id = NULL WHERE workspace_id = ? AND sharer_id = ?', workspace.id, user.id);
    run('UPDATE knowledge_resources SET author_id = NULL WHERE workspace_id = ? AND author_id = ?', workspace.id, user.id);
    run('UPDATE knowledge_norms SET author_id = NULL WHERE workspace_id = ? AND author_id = ?', workspace.id, user.id);
    run(
      'UPDATE knowledge_charters SET set_by = NULL WHERE set_by = ? AND community_id IN (SELECT id FROM communities WHERE workspace_id = ?)',
      user.id,
      workspace.id,
    );
  },
};

/** What `privacy` says the library keeps about a person: all of it is the team's, and stays credited to nobody. */
export const privacy: PrivacyNotice = {
  stores: [
    { what: 'privacy.knowledge.resources', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.knowledge.saved', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.knowledge.norms', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.knowledge.mission', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
  ],
};
