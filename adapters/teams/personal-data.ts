import type { PersonalDataHolder } from '../../src/capability.js';
import { prepared } from '../../src/store/db.js';

/**
 * What the Teams adapter keeps about a person: their Teams and Entra ids side by side, the reference to their
 * personal chat with the bot, and files waiting for their consent. `user.externalId` is either id, as first seen.
 */
export const teamsPersonalData: PersonalDataHolder = {
  name: 'teams',
  module: import.meta.url,
  personalData: {
    export({ workspace, user }, { store }) {
      const ids = prepared(
        store.db,
        'SELECT teams_id AS teamsId, aad_id AS aadId FROM teams_users WHERE tenant_id = ? AND (teams_id = ? OR aad_id = ?)',
      ).all(workspace.externalId, user.externalId, user.externalId) as { teamsId: string; aadId: string | null }[];
      const known = [user.externalId, ...ids.flatMap((i) => [i.teamsId, i.aadId ?? ''])].filter(Boolean);
      const chats = prepared(
        store.db,
        `SELECT conversation_id AS conversation, updated_at AS at FROM teams_conversations
           WHERE tenant_id = ? AND kind = 'personal' AND user_id IN (SELECT value FROM json_each(?))`,
      ).all(workspace.externalId, JSON.stringify(known));
      const files = prepared(
        store.db,
        `SELECT f.file_name AS name, f.created_at AS at, 'self' AS readers FROM teams_file_consents f
           JOIN teams_conversations c ON c.tenant_id = f.tenant_id AND c.conversation_id = f.conversation_id
          WHERE f.tenant_id = ? AND c.kind = 'personal' AND c.user_id IN (SELECT value FROM json_each(?))`,
      ).all(workspace.externalId, JSON.stringify(known));
      return { ids, personalChats: chats, filesAwaitingConsent: files };
    },
    forget({ workspace, user }, { store }) {
      const ids = prepared(
        store.db,
        'SELECT teams_id AS teamsId, aad_id AS aadId FROM teams_users WHERE tenant_id = ? AND (teams_id = ? OR aad_id = ?)',
      ).all(workspace.externalId, user.externalId, user.externalId) as { teamsId: string; aadId: string | null }[];
      const known = JSON.stringify([user.externalId, ...ids.flatMap((i) => [i.teamsId, i.aadId ?? ''])].filter(Boolean));
      // Files waiting on a consent card in their chat, and exports about them waiting in anyone's, go too.
      prepared(
        store.db,
        `DELETE FROM teams_file_consents WHERE tenant_id = ? AND (conversation_id IN (
             SELECT conversation_id FROM teams_conversations
              WHERE tenant_id = ? AND kind = 'personal' AND user_id IN (SELECT value FROM json_each(?)))
           OR EXISTS (SELECT 1 FROM json_each(?) AS id WHERE instr(content, CAST(id.value AS BLOB)) > 0))`,
      ).run(workspace.externalId, workspace.externalId, known, known);
      // The ids of activities seen in their chat (kept to drop redeliveries) name that chat: `tenant\0chat\0id`.
      const chats = prepared(
        store.db,
        "SELECT conversation_id AS id FROM teams_conversations WHERE tenant_id = ? AND kind = 'personal' AND user_id IN (SELECT value FROM json_each(?))",
      ).all(workspace.externalId, known) as { id: string }[];
      for (const chat of chats) {
        const prefix = `${workspace.externalId}\u0000${chat.id}\u0000`;
        prepared(store.db, 'DELETE FROM teams_activities WHERE activity_id >= ? AND activity_id < ?').run(prefix, `${prefix}\uffff`);
      }
      prepared(
        store.db,
        "DELETE FROM teams_conversations WHERE tenant_id = ? AND kind = 'personal' AND user_id IN (SELECT value FROM json_each(?))",
      ).run(workspace.externalId, known);
      prepared(
        store.db,
        'DELETE FROM teams_users WHERE tenant_id = ? AND (teams_id IN (SELECT value FROM json_each(?)) OR aad_id IN (SELECT value FROM json_each(?)))',
      ).run(workspace.externalId, known, known);
    },
  },
};
