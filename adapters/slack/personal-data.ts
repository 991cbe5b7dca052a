import type { PersonalDataHolder } from '../../src/capability.js';
import { prepared } from '../../src/store/db.js';

/**
 * What the Slack adapter keeps about a person: whether they installed the app. The installation itself (the
 * workspace's sealed tokens) stays, since the whole workspace relies on it; it no longer names them.
 */
export const slackPersonalData: PersonalDataHolder = {
  name: 'slack',
  module: import.meta.url,
  personalData: {
    export({ workspace, user }, { store }) {
      const installed = prepared(
        store.db,
        'SELECT installed_at AS at FROM slack_installations WHERE team_id = ? AND installer_user_id = ?',
      ).all(workspace.externalId, user.externalId);
      return { installed };
    },
    forget({ workspace, user }, { store }) {
      prepared(store.db, 'UPDATE slack_installations SET installer_user_id = NULL WHERE team_id = ? AND installer_user_id = ?').run(
        workspace.externalId,
        user.externalId,
      );
    },
  },
};
