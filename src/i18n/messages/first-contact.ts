import { defineMessages } from '../define.js';

/**
 * The bot's introduction, which opens the first message it addresses to a person (src/first-contact.ts): what it
 * does, that peer observation is never evaluative, who sees what, and one line each for `privacy` and `pause`.
 */
const en = {
  'intro.hello': 'Hello, I’m the PLC bot',
  'intro.what':
    'I help your professional learning community keep its rhythm: meetings with agendas and reminders, classroom visits between colleagues, reflections, goals with check-ins, and a shared library.',
  'intro.observation':
    'Peer observation is never an evaluation: a visit is for learning together, the notes describe what happened, and the feedback stays between you and your colleague.',
  'intro.visibility':
    'Your reflections and your own goals are yours unless you share them; team goals, norms and the library belong to the community; coordinators’ summaries count who takes part and never show what you wrote.',
  'intro.privacy': '{command}: what I keep about you, who sees it, and how to get a copy or have it erased.',
  'intro.pause': '{command}: a break; I send you nothing until that date.',
};

const de: Record<keyof typeof en, string> = {
  'intro.hello': 'Hallo, ich bin der PLC-Bot',
  'intro.what':
    'Ich helfe deiner Lerngemeinschaft, ihren Rhythmus zu halten: Treffen mit Tagesordnung und Erinnerungen, kollegiale Unterrichtsbesuche, Reflexionen, Ziele mit Zwischenständen und eine gemeinsame Bibliothek.',
  'intro.observation':
    'Kollegiale Hospitation ist nie eine Bewertung: Ein Besuch dient dem gemeinsamen Lernen, die Notizen beschreiben, was geschah, und das Feedback bleibt zwischen dir und deiner Kollegin oder deinem Kollegen.',
  'intro.visibility':
    'Deine Reflexionen und deine eigenen Ziele gehören dir, solange du sie nicht teilst; Teamziele, Vereinbarungen und die Bibliothek gehören der Gemeinschaft; die Übersichten der Koordination zählen, wer mitmacht, und zeigen nie, was du geschrieben hast.',
  'intro.privacy': '{command}: was ich über dich speichere, wer es sieht und wie du eine Kopie bekommst oder alles löschen lässt.',
  'intro.pause': '{command}: eine Pause; bis zu diesem Datum schicke ich dir nichts.',
};

const da: Record<keyof typeof en, string> = {
  'intro.hello': 'Hej, jeg er PLC-botten',
  'intro.what':
    'Jeg hjælper jeres læringsfællesskab med at holde rytmen: møder med dagsorden og påmindelser, kollegiale klasserumsbesøg, refleksioner, mål med opfølgning og et fælles bibliotek.',
  'intro.observation':
    'Kollegial observation er aldrig en bedømmelse: et besøg handler om at lære sammen, noterne beskriver, hvad der skete, og feedbacken bliver mellem dig og din kollega.',
  'intro.visibility':
    'Dine refleksioner og dine egne mål er dine, indtil du deler dem; teammål, normer og biblioteket hører til fællesskabet; koordinatorernes overblik tæller, hvem der deltager, og viser aldrig, hvad du har skrevet.',
  'intro.privacy': '{command}: hvad jeg gemmer om dig, hvem der kan se det, og hvordan du får en kopi eller får det slettet.',
  'intro.pause': '{command}: en pause; jeg sender dig intet før den dato.',
};

const nl: Record<keyof typeof en, string> = {
  'intro.hello': 'Hallo, ik ben de PLC-bot',
  'intro.what':
    'Ik help je leergemeenschap haar ritme te houden: bijeenkomsten met agenda en herinneringen, lesbezoeken bij collega’s, reflecties, doelen met voortgangsmomenten en een gedeelde bibliotheek.',
  'intro.observation':
    'Collegiale consultatie is nooit een beoordeling: een bezoek is om samen van te leren, de aantekeningen beschrijven wat er gebeurde en de feedback blijft tussen jou en je collega.',
  'intro.visibility':
    'Je reflecties en je eigen doelen zijn van jou, tenzij je ze deelt; teamdoelen, afspraken en de bibliotheek zijn van de gemeenschap; de overzichten voor coördinatoren tellen wie meedoet en tonen nooit wat je schreef.',
  'intro.privacy': '{command}: wat ik over je bewaar, wie het ziet en hoe je een kopie krijgt of het laat wissen.',
  'intro.pause': '{command}: een pauze; tot die datum stuur ik je niets.',
};

const ar: Record<keyof typeof en, string> = {
  'intro.hello': 'مرحبًا، أنا بوت مجتمع التعلّم المهني',
  'intro.what':
    'أساعد مجتمع التعلّم المهني الذي تنتمي إليه على الحفاظ على إيقاعه: اجتماعات بجداول أعمال وتذكيرات، وزيارات صفية بين الزملاء، وتأملات، وأهداف تُتابَع بانتظام، ومكتبة مشتركة.',
  'intro.observation':
    'الزيارات الصفية بين الزملاء ليست تقييمًا أبدًا: الزيارة للتعلّم معًا، والملاحظات تصف ما جرى، والتغذية الراجعة تبقى بينك وبين زميلك.',
  'intro.visibility':
    'تأملاتك وأهدافك الخاصة لك وحدك ما لم تشاركها؛ وأهداف الفريق والأعراف والمكتبة للمجتمع كله؛ وملخّصات المنسّقين تعدّ المشاركين ولا تعرض أبدًا ما كتبته.',
  'intro.privacy': '{command}: ما أحفظه عنك، ومن يراه، وكيف تحصل على نسخة منه أو تطلب محوه.',
  'intro.pause': '{command}: استراحة؛ لا أرسل إليك شيئًا حتى ذلك التاريخ.',
};

export const messages = defineMessages({ en, de, da, nl, ar });
