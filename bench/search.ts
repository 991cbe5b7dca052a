/**
 * bench:search — the community search on a school district's archive: 100,000 items across 200 communities, in
 * English, German, Danish, Dutch and Arabic, a fifth of them private (only their author reads them) and some
 * for the team, the leads or the coordinators only. Then 1,000 searches of one to three words (one in ten a
 * single common word, one in twenty a word of one or two characters) by people of every role, each with the
 * privacy filter, the ranking and the first page's snippets: what `search <words>` does. One process, one
 * connection, searches one after another (concurrency 1), after 100 warm-up searches that are not counted.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readers } from '../src/capability.js';
import { type Asker, askerOf, searchIndex, snippet } from '../src/search/index.js';
import type { Role } from '../src/store/communities.js';
import { Store } from '../src/store/store.js';
import { pageOf } from '../src/views/paging.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const COMMUNITIES = 200;
const PEOPLE_PER_COMMUNITY = 12;
const SEARCHES = 1000;
const WARM_UP = 100;
const NOW = Date.parse('2026-12-01T08:00:00Z');

/** Real sentences a teacher would write, per language; items are made of two to four of them. */
const SENTENCES: Record<string, string[]> = {
  en: [
    'Exit tickets showed that most students still confuse numerators and denominators.',
    'We tried think-pair-share in the fractions unit and the quiet students spoke up more.',
    'The reading group needs more time with nonfiction texts before the assessment.',
    'Next meeting we will compare the writing samples from both grade five classes.',
    'Our protocol for looking at student work starts with what the student can already do.',
    'Parents asked for a short guide to the new homework policy.',
    'I shared a rubric for lab reports that the science team can adapt.',
    'The formative assessment data suggests reteaching place value in small groups.',
    'Classroom observations focused on wait time after questions.',
    'We agreed to start every meeting with a success from the week.',
    'Differentiation worked best when students chose between three tasks.',
    'The math coach will model a number talk in room twelve on Thursday.',
  ],
  de: [
    'Die Leseförderung in Klasse drei zeigt nach sechs Wochen deutliche Fortschritte.',
    'Wir haben im Mathematikunterricht Lerntagebücher eingeführt.',
    'Die Schülerinnen und Schüler arbeiten in Stationen zur Bruchrechnung.',
    'Beim nächsten Treffen besprechen wir die Ergebnisse der Vergleichsarbeit.',
    'Die Sprachförderung für neu zugewanderte Kinder braucht mehr Zeit im Stundenplan.',
    'Unsere Hospitation galt der Wartezeit nach Fragen im Unterricht.',
    'Ein Kollege hat ein Bewertungsraster für Präsentationen geteilt.',
    'Die Elternabende sollen künftig gemeinsam vorbereitet werden.',
    'Kooperatives Lernen klappt besser, wenn die Rollen in der Gruppe klar sind.',
    'Wir vereinbaren, jede Sitzung mit einem Erfolg der Woche zu beginnen.',
    'Die Diagnose zu Beginn des Schuljahres hilft bei der Differenzierung.',
    'Straßenverkehrserziehung steht im Frühjahr für die vierten Klassen an.',
  ],
  da: [
    'Læsefremme i tredje klasse har givet tydelige fremskridt efter seks uger.',
    'Vi har afprøvet makkerlæsning, og de stille elever deltager mere.',
    'Øvelserne med brøker fungerede bedst i små grupper.',
    'På næste møde ser vi på elevernes skriftlige opgaver fra begge klasser.',
    'Forældrene ønsker en kort vejledning om de nye lektieregler.',
    'Observationen handlede om ventetid efter spørgsmål i undervisningen.',
    'Jeg har delt en evalueringsguide til projektopgaver.',
    'Vi aftaler at begynde hvert møde med en succes fra ugen.',
    'Læringsfællesskabet vil samle gode eksempler på feedback til eleverne.',
    'Matematikvejlederen viser en taltalesamtale i lokale tolv på torsdag.',
    'Differentiering lykkedes, når eleverne selv valgte mellem tre opgaver.',
    'Trivselsmålingen viser, at frikvartererne er svære for nogle elever.',
  ],
  nl: [
    'De leesbevordering in groep vijf laat na zes weken duidelijke vooruitgang zien.',
    'We hebben in de rekenles met breuken in kleine groepjes gewerkt.',
    'Bij het volgende overleg bekijken we de schrijfopdrachten van beide klassen.',
    'Ouders vroegen om een korte uitleg over het nieuwe huiswerkbeleid.',
    'Het lesbezoek ging over de wachttijd na een vraag.',
    'Ik heb een beoordelingsformulier voor spreekbeurten gedeeld.',
    'We spreken af om elk overleg te beginnen met een succes van de week.',
    'Coöperatief leren werkt beter als de rollen in de groep duidelijk zijn.',
    'De ideeën voor differentiatie komen uit de studiedag van oktober.',
    'De rekencoach geeft donderdag een voorbeeldles in lokaal twaalf.',
    'Formatief toetsen helpt ons om de instructie beter af te stemmen.',
    'De leerlingen kozen zelf tussen drie opdrachten en waren meer betrokken.',
  ],
  ar: [
    'أظهرت بطاقات الخروج أن معظم الطلاب ما زالوا يخلطون بين البسط والمقام.',
    'جرّبنا استراتيجية فكّر، زاوج، شارك في وحدة الكسور فتحدّث الطلاب الهادئون أكثر.',
    'تحتاج مجموعة القراءة إلى وقت أطول مع النصوص المعلوماتية قبل التقييم.',
    'في الاجتماع القادم سنقارن نماذج الكتابة من صفَّي الخامس.',
    'يبدأ بروتوكولنا لدراسة أعمال الطلاب بما يستطيع الطالب فعله بالفعل.',
    'طلب أولياء الأمور دليلًا قصيرًا عن سياسة الواجبات المنزلية الجديدة.',
    'شاركتُ سلّم تقدير لتقارير المختبر يمكن لفريق العلوم تعديله.',
    'تشير بيانات التقويم التكويني إلى إعادة تدريس القيمة المنزلية في مجموعات صغيرة.',
    'ركّزت الزيارات الصفية على وقت الانتظار بعد الأسئلة.',
    'اتفقنا على أن نبدأ كل اجتماع بنجاح من الأسبوع.',
    'نجح التمايز حين اختار الطلاب بين ثلاث مهامّ.',
    'سيقدّم مدرّب الرياضيات حصة نموذجية في الغرفة الثانية عشرة يوم الخميس.',
  ],
};

/** Words people search for, per language: one to three of them make a query. */
const QUERY_WORDS: Record<string, string[]> = {
  en: ['fractions', 'exit tickets', 'reading', 'assessment', 'rubric', 'wait time', 'protocol', 'parents', 'number talk', 'writing'],
  de: ['förderung', 'Bruchrechnung', 'Hospitation', 'Lerntagebücher', 'Elternabende', 'Bewertungsraster', 'Diagnose', 'strasse'],
  da: ['læsning', 'brøker', 'ventetid', 'feedback', 'forældrene', 'observationen', 'trivsel', 'ovelserne'],
  nl: ['leesbevordering', 'breuken', 'lesbezoek', 'ideeen', 'huiswerkbeleid', 'formatief', 'wachttijd'],
  ar: ['الكسور', 'القراءة', 'التقييم', 'الاجتماع', 'المعلومات', 'اولياء', 'الطلاب', 'مدرب'],
};
/** Words in a large share of every language's items: the costliest single-word queries. */
const COMMON = ['the', 'und', 'og', 'een', 'الطلاب', 'students', 'der', 'groep'];
const SHORT = ['5', 'ab', 'of', 'i', 'في'];
const LANGUAGES = Object.keys(SENTENCES);
const ROLES: Role[] = ['lead', 'curator', 'coach', 'member', 'member', 'member', 'guest'];

/** A small seeded generator, so every run measures the same archive and the same searches. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20261201);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const dir = mkdtempSync(join(tmpdir(), 'plc-bench-search-'));
const path = join(dir, 'search.sqlite');
const store = Store.open(path);
const { workspace } = store.workspaces.ensure('console', 'district', 'District', NOW);
const people: number[][] = [];
const communities = store.transaction(() =>
  Array.from({ length: COMMUNITIES }, (_, i) => {
    const lead = store.users.upsert(workspace.id, { externalId: `c${i}-p0`, displayName: `c${i}-p0` }, NOW);
    const community = store.communities.create(
      workspace.id,
      { name: `C${i}`, channel: `c${i}`, channelName: `c${i}`, tz: 'UTC', locale: 'en', createdBy: lead.id },
      NOW,
    );
    people.push([
      lead.id,
      ...Array.from(
        { length: PEOPLE_PER_COMMUNITY - 1 },
        (_, p) => store.users.upsert(workspace.id, { externalId: `c${i}-p${p + 1}`, displayName: `c${i}-p${p + 1}` }, NOW).id,
      ),
    ]);
    return community;
  }),
);

/** Who may read an item: a fifth private to its author, a few for the team, the leads or the coordinators. */
function readersFor(author: number): Readers {
  const r = rnd();
  if (r < 0.2) return { kind: 'people', userIds: [author] };
  if (r < 0.3) return { kind: 'participants' };
  if (r < 0.33) return { kind: 'leads' };
  if (r < 0.35) return { kind: 'coordinators', userIds: [author] };
  return { kind: 'community' };
}

const index = searchIndex(store);
const indexStart = performance.now();
const indexCpuStart = process.cpuUsage();
const BATCH = 1000;
for (let done = 0; done < ITEMS; done += BATCH) {
  store.transaction(() => {
    for (let n = done; n < Math.min(ITEMS, done + BATCH); n++) {
      const c = n % COMMUNITIES;
      const community = communities[c];
      if (!community) continue;
      // Each community writes mostly in one language, with some items in another (a bilingual school).
      const language = rnd() < 0.8 ? (LANGUAGES[c % LANGUAGES.length] as string) : pick(LANGUAGES);
      const sentences = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SENTENCES[language] as string[]));
      const author = pick(people[c] as number[]);
      index.put(community, {
        ref: n + 1,
        source: pick(['resource', 'meeting-notes', 'reflection', 'reflection', 'takeaway']),
        text: `${sentences.join(' ')} (${n})`,
        at: NOW - Math.floor(rnd() * 365 * 86_400_000),
        readers: readersFor(author),
      });
    }
  });
}
// The trigrams go into the FTS index a batch at a time after the writes (src/search/index.ts): indexing is done
// when none waits, and the first searches would otherwise pay for it.
index.flush();
const indexMs = performance.now() - indexStart;
const indexCpu = process.cpuUsage(indexCpuStart);
store.db.pragma('wal_checkpoint(TRUNCATE)');
const dbMb = statSync(path).size / 1024 / 1024;

/** One search of one to three words by a person of some role in some community, as the command runs it. */
function aSearch(): { asker: Asker; query: string } {
  const c = Math.floor(rnd() * COMMUNITIES);
  const community = communities[c];
  const person = Math.floor(rnd() * PEOPLE_PER_COMMUNITY);
  const coordinator = rnd() < 0.05;
  const role = person === 0 ? 'lead' : pick(ROLES);
  const asker = askerOf(community?.id ?? 0, (people[c] as number[])[person] as number, role, coordinator);
  const kind = rnd();
  if (kind < 0.1) return { asker, query: pick(COMMON) };
  if (kind < 0.15) return { asker, query: pick(SHORT) };
  const language = rnd() < 0.8 ? (LANGUAGES[c % LANGUAGES.length] as string) : pick(LANGUAGES);
  const words = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(QUERY_WORDS[language] as string[]));
  return { asker, query: words.join(' ') };
}

/** One search, timed on the wall clock and in CPU time (this process's, user and system): the machine may be shared. */
function run(search: { asker: Asker; query: string }): { ms: number; cpuMs: number; hits: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const hits = index.search(search.asker, search.query);
  const page = pageOf(hits, 1);
  for (const h of page.items) snippet(h.body, search.query);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, hits: hits.length };
}

for (let i = 0; i < WARM_UP; i++) run(aSearch());
const times: number[] = [];
const cpuTimes: number[] = [];
let found = 0;
let commonMax = 0;
for (let i = 0; i < SEARCHES; i++) {
  const s = aSearch();
  const r = run(s);
  times.push(r.ms);
  cpuTimes.push(r.cpuMs);
  if (r.hits > 0) found++;
  if (COMMON.includes(s.query)) commonMax = Math.max(commonMax, r.ms);
  if (process.env.BENCH_SLOW && r.ms > 10) console.log(`slow ${r.ms.toFixed(1)} ms ${s.query} level ${s.asker.level} hits ${r.hits}`);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] as number;
const at = (q: number) => quantile(times, q);
const indexCpuMs = (indexCpu.user + indexCpu.system) / 1000;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

store.close();
if (process.env.BENCH_KEEP) console.log(`kept ${path}`);
else rmSync(dir, { recursive: true, force: true });

console.log(
  `Indexed ${ITEMS.toLocaleString('en')} items across ${COMMUNITIES} communities in ${round(indexMs / 1000, 1)} s (batches of ${BATCH}).`,
);
console.log(
  `  (CPU time of this process: ${round(indexCpuMs / 1000, 1)} s; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores.)`,
);
console.log(`Database on disk after a checkpoint: ${round(dbMb, 1)} MiB.`);
console.log(
  `${SEARCHES} searches one after another (concurrency 1) after ${WARM_UP} warm-up searches, every role, privacy filter, ranking and first-page snippets included:`,
);
console.log(
  `  p50 ${round(at(0.5))} ms, p99 ${round(at(0.99))} ms, slowest ${round(times[times.length - 1] as number)} ms; the slowest single common word ${round(commonMax)} ms; ${found} found something.`,
);
console.log(
  `  CPU time per search: p50 ${round(quantile(cpuTimes, 0.5))} ms, p99 ${round(quantile(cpuTimes, 0.99))} ms (the wall clock includes waiting for a core).`,
);
console.log(
  JSON.stringify({ items: ITEMS, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), indexMs: Math.round(indexMs), dbMb: round(dbMb, 1) }),
);
