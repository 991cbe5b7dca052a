import type { Reactions } from '../../capability.js';
import { planCommunity, planPerson } from './plan.js';
import { repos } from './store/index.js';

export const reactions: Reactions = {
  // Someone who left, or is a guest now, gets no more prompts for that community; their reflections stay theirs.
  membershipChanged(env, _community, user) {
    // Search needs nothing: it finds shared reflections by the reader's role as it stands when they search.
    planPerson(env.store, user, env.now);
    return [];
  },
  // Prompts are planned per person across their communities: an archived one drops out of everyone's plan.
  communityArchived(env, community) {
    planCommunity(env.store, community, env.now);
    return [];
  },
  communityRestored(env, community) {
    planCommunity(env.store, community, env.now);
    return [];
  },
  // A pause is noted so that the weeks it covers rest the person's streak; prompts skip them while it holds.
  away(env, user) {
    if (user.deactivatedAt === null && user.pausedUntil !== null) repos(env.store).prompts.recordPause(user.id, env.now, user.pausedUntil);
    return [];
  },
};
