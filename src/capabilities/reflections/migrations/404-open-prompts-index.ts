/**
 * The prompts still open, by community and person: every `reflect` asks whether its author has one there (most
 * often not), and the prompts' unique index led to every prompt the person was ever sent in the community, a
 * school year's worth read row by row for the one or none still open. Answered prompts leave this index.
 */
export const openPromptsIndex = {
  version: 404,
  name: 'reflections: an index of the prompts still open',
  sql: 'CREATE INDEX reflection_prompts_open ON reflection_prompts (community_id, user_id, sent_at) WHERE answered_at IS NULL;',
};
