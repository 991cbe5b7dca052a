import { describe, expect, it } from 'vitest';
import { activityProblems } from '../teams/card-rules.js';
import { conversationSuite } from './suite.js';
import { sentToTeams, teamsDriver } from './teams-driver.js';

conversationSuite((options) => teamsDriver({}, options));

describe('every card the conversation showed in Teams', () => {
  it('parses with Microsoft’s renderer against 1.5 and keeps the Teams rules', () => {
    expect(sentToTeams.length).toBeGreaterThan(20);
    const problems = sentToTeams.flatMap(({ what, activity }) => activityProblems(activity).map((p) => `${what}: ${p}`));
    expect(problems).toEqual([]);
  });
});
