import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Copy, DockerfileParser } from 'dockerfile-ast';
import { ValidationSeverity, validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

/**
 * No container engine runs on the machines that test this project, so the Dockerfile and the systemd unit are
 * checked for what can be checked without one: syntax, that what they copy exists, and that they start the bot
 * the way the README says.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const dockerfile = read('Dockerfile');
const parsed = DockerfileParser.parse(dockerfile);
const instructions = parsed.getInstructions();
const args = (keyword: string) => instructions.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string } };

describe('the Dockerfile', () => {
  it('has no syntax errors or warnings', () => {
    const problems = validate(dockerfile).filter(
      (d) => d.severity === ValidationSeverity.ERROR || d.severity === ValidationSeverity.WARNING,
    );
    expect(problems.map((p) => `${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
  });

  it('copies only paths that exist and that .dockerignore does not leave out', () => {
    const ignored = read('.dockerignore').split('\n').filter(Boolean);
    const sources = instructions
      .filter((i) => i.getKeyword() === 'COPY' && !(i as Copy).getFlags().some((f) => f.getName() === 'from'))
      .flatMap((i) => (i.getArguments().map((a) => a.getValue()) as string[]).slice(0, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), `${source} exists`).toBe(true);
      expect(ignored, `${source} is not ignored`).not.toContain(source);
    }
  });

  it('builds on Node 24 in two stages and runs as a user that is not root', () => {
    const froms = args('FROM');
    expect(froms).toHaveLength(2);
    for (const from of froms) expect(from).toMatch(/^node:24[-.]/);
    expect(args('USER')).toEqual(['node']);
  });

  it('keeps the database on a volume and checks /healthz', () => {
    const env = args('ENV').join(' ');
    const database = /DATABASE_PATH=(\S+)/.exec(env)?.[1];
    expect(database).toBe('/data/plc.sqlite');
    expect(args('VOLUME').join(' ')).toContain('/data');
    expect(args('HEALTHCHECK').join(' ')).toMatch(/\/healthz/);
  });

  it('starts the bot with the command the README documents', () => {
    expect(args('CMD')).toEqual(['["npm", "start"]']);
    expect(packageJson.scripts.start).toBeDefined();
    expect(read('README.md')).toMatch(/npm install && npm start/);
  });
});

describe('the systemd unit', () => {
  const unit = read('deploy/plc-bot.service');
  const sections = new Map<string, Map<string, string[]>>();
  let current = '';
  for (const raw of unit.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = section[1] as string;
      sections.set(current, new Map());
      continue;
    }
    const m = /^(\w+)=(.*)$/.exec(line);
    expect(m, `"${line}" is Key=value`).not.toBeNull();
    const values = sections.get(current) as Map<string, string[]>;
    values.set(m?.[1] as string, [...(values.get(m?.[1] as string) ?? []), m?.[2] as string]);
  }

  it('has the three sections and starts the bot the README way, as its own user', () => {
    expect([...sections.keys()]).toEqual(['Unit', 'Service', 'Install']);
    const service = sections.get('Service') as Map<string, string[]>;
    expect(service.get('ExecStart')).toEqual(['/usr/bin/npm start']);
    expect(service.get('User')).toEqual(['plcbot']);
    expect(service.get('Restart')).toEqual(['on-failure']);
    expect(service.get('Environment')).toContain('DATABASE_PATH=/var/lib/plc-bot/plc.sqlite');
    expect(service.get('ReadWritePaths')).toEqual(['/var/lib/plc-bot']);
  });
});
