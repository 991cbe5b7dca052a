import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../support/app.js';
import { mathTeam, sayAs } from './school.js';

/** Shared reflections are found by exactly those who may read them; a private one by nobody else. */
let app: TestApp;
const say = (user: string, text: string) => sayAs(app, user, text);
const refOf = (answer: string) => /#(\d+)/.exec(answer)?.[0] as string;

beforeEach(() => {
  app = testApp();
  mathTeam(app);
});
afterEach(async () => {
  await app.dispose();
});

describe('reflections in the community search', () => {
  it('finds a team reflection for the team, a coordinator one for leads and coordinators, a private one for nobody else', () => {
    say('ana', 'reflect team Numberlines helped with fractions');
    say('ana', 'reflect coordinator Fractions need moretime in grade five');
    say('ana', 'reflect Fractions secretworry about ben');
    const found = (user: string) => say(user, 'search fractions');
    expect(found('ben')).toMatch(/Numberlines/);
    expect(found('ben')).not.toMatch(/moretime|secretworry/);
    expect(found('carla')).toMatch(/Numberlines/);
    expect(found('carla')).toMatch(/moretime/);
    expect(found('carla')).not.toMatch(/secretworry/);
    expect(found('gus')).not.toMatch(/Numberlines|moretime|secretworry/);
    for (const user of ['ben', 'carla', 'gus']) expect(say(user, 'search secretworry')).not.toMatch(/about ben/);
  });

  it('follows an edit and a delete', () => {
    const ref = refOf(say('ana', 'reflect team Numberlines helped'));
    say('ana', `reflection edit ${ref} Exit tickets helped`);
    expect(say('ben', 'search numberlines')).not.toMatch(/Numberlines/);
    expect(say('ben', 'search exit tickets')).toMatch(/Exit tickets helped/);
    say('ana', `reflection delete ${ref}`);
    expect(say('ben', 'search exit tickets')).not.toMatch(/Exit tickets helped/);
  });

  it('stops finding a team reflection for someone who became a guest', () => {
    say('ana', 'reflect team Numberlines helped');
    expect(say('ben', 'search numberlines')).toMatch(/Numberlines/);
    say('carla', 'role @ben guest');
    expect(say('ben', 'search numberlines')).not.toMatch(/Numberlines/);
  });
});
