import { defineMessages } from '../../i18n/define.js';

/** Running a school year: quiet hours and workdays for the workspace, its terms and school years. */
const en = {
  'help.group.operations': 'The school year',
  'cmd.settings.quiet.usage': 'settings quiet <HH:MM-HH:MM>',
  'cmd.settings.quiet.summary': 'The hours in which I write to people, in each person’s own time zone; outside them I wait.',
  'cmd.settings.workdays.usage': 'settings workdays <mon-fri>',
  'cmd.settings.workdays.summary': 'The days on which I write to people; on the others I wait.',
  'settings.quiet.done':
    'From now on I write to people here only between {from} and {to}, in each person’s own time zone. What falls outside waits for the next allowed moment and then arrives once. Meeting reminders in channels and answers to commands are not held back.',
  'settings.workdays.done':
    'From now on I write to people here only on these days: {days}. What falls on another day waits for the next one and then arrives once.',
  'error.badQuietHours':
    '“{value}” is not a span of hours. Write it as HH:MM-HH:MM on a 24-hour clock, the earlier time first, for example 07:00-19:00.',
  'error.badWorkdays': '“{value}” is not a list of days. Write a range such as mon-fri, or days with commas such as mon,tue,thu.',
  'cmd.term.start.usage': 'term start <YYYY-MM-DD> [new-year] [name]',
  'cmd.term.start.summary': 'Mark the day a term begins, for every community; with new-year it also begins a school year.',
  'cmd.terms.usage': 'terms',
  'cmd.terms.summary': 'The terms marked for the school, and the one running now.',
  'cmd.term.confirm.usage': 'term confirm',
  'cmd.term.confirm.summary': 'Confirm that your community’s members, meetings and norms are right for the new school year.',
  'term.started': 'A new term begins on {date}.',
  'term.startedNamed': '“{name}” begins on {date}.',
  'term.effects':
    'From that day, meeting duties are shared out afresh for the term, and every community with norms is asked to look at them again that morning.',
  'term.newYearEffects':
    'It also begins a new school year. That morning I ask the leads of every community to confirm their members, meetings and norms. Meeting duties are shared out afresh, pairing history starts over (pairs from last year count as new), and reflection streaks begin again.',
  'term.replaced': 'That date was already marked, so I have updated it rather than adding a second term.',
  'terms.title': 'Terms of the school year',
  'terms.line': '{date}',
  'terms.lineNamed': '{date}: {name}',
  'terms.newYear': '(begins a school year)',
  'terms.running': '(running now)',
  'terms.none': 'No terms are marked yet. A coordinator marks one with {command}.',
  'year.ask.title': 'A new school year for {community}',
  'year.ask.intro': 'The school year begins on {date}. Before the first meeting, please check that {community} is ready for it:',
  'year.ask.members': '{count, plural, one {# member} other {# members}}: see who is in with {command}',
  'year.ask.cadence': 'Meetings {cadence}; change them with {command}',
  'year.ask.noCadence': 'No meetings are scheduled yet; set them with {command}',
  'year.ask.norms':
    '{count, plural, =0 {No norms yet; add them with {command}} one {# norm: read it with {command}} other {# norms: read them with {command}}}',
  'year.ask.how': 'When everything is right, press the button or type {command}.',
  'year.button.members': 'Members',
  'year.button.norms': 'Norms',
  'year.button.confirm': 'Everything is right',
  'term.confirmed': 'Thank you: {community} is confirmed for the school year that began on {date}.',
  'term.alreadyConfirmed': '{community} was already confirmed for this school year, on {date}. Nothing more to do.',
  'error.noSchoolYear': 'No school year has begun yet, so there is nothing to confirm. A coordinator begins one with {command}.',
  'privacy.operations.yearConfirmed': 'that you confirmed a community for a new school year, and when',
} as const;

type Messages = Record<keyof typeof en, string>;

const de: Messages = {
  'help.group.operations': 'Das Schuljahr',
  'cmd.settings.quiet.usage': 'settings quiet <HH:MM-HH:MM>',
  'cmd.settings.quiet.summary': 'Die Zeiten, in denen ich Menschen schreibe, in der Zeitzone jeder Person; außerhalb warte ich.',
  'cmd.settings.workdays.usage': 'settings workdays <mon-fri>',
  'cmd.settings.workdays.summary': 'Die Tage, an denen ich Menschen schreibe; an den anderen warte ich.',
  'settings.quiet.done':
    'Ab jetzt schreibe ich Menschen hier nur zwischen {from} und {to}, in der Zeitzone jeder Person. Was außerhalb fällig wird, wartet bis zum nächsten erlaubten Zeitpunkt und kommt dann einmal an. Erinnerungen an Treffen in Kanälen und Antworten auf Befehle halte ich nicht zurück.',
  'settings.workdays.done':
    'Ab jetzt schreibe ich Menschen hier nur an diesen Tagen: {days}. Was an einem anderen Tag fällig wird, wartet bis zum nächsten und kommt dann einmal an.',
  'error.badQuietHours':
    '„{value}“ ist keine Zeitspanne. Schreib sie als HH:MM-HH:MM im 24-Stunden-Format, die frühere Zeit zuerst, zum Beispiel 07:00-19:00.',
  'error.badWorkdays': '„{value}“ ist keine Liste von Tagen. Schreib einen Bereich wie mon-fri oder Tage mit Kommas wie mon,tue,thu.',
  'cmd.term.start.usage': 'term start <JJJJ-MM-TT> [new-year] [Name]',
  'cmd.term.start.summary':
    'Den Tag markieren, an dem ein Abschnitt des Schuljahres beginnt, für alle Lerngemeinschaften; mit new-year beginnt auch ein neues Schuljahr.',
  'cmd.terms.usage': 'terms',
  'cmd.terms.summary': 'Die markierten Abschnitte des Schuljahres und der, der gerade läuft.',
  'cmd.term.confirm.usage': 'term confirm',
  'cmd.term.confirm.summary':
    'Bestätigen, dass Mitglieder, Treffen und Vereinbarungen deiner Lerngemeinschaft für das neue Schuljahr stimmen.',
  'term.started': 'Ein neuer Abschnitt des Schuljahres beginnt am {date}.',
  'term.startedNamed': '„{name}“ beginnt am {date}.',
  'term.effects':
    'Ab diesem Tag werden die Aufgaben bei den Treffen neu verteilt, und jede Lerngemeinschaft mit Vereinbarungen wird an diesem Morgen gebeten, sie noch einmal anzuschauen.',
  'term.newYearEffects':
    'Damit beginnt auch ein neues Schuljahr. An diesem Morgen bitte ich die Leitungen aller Lerngemeinschaften, Mitglieder, Treffen und Vereinbarungen zu bestätigen. Die Aufgaben bei den Treffen werden neu verteilt, die Hospitationspaare beginnen von vorn (Paare aus dem letzten Jahr zählen als neu), und die Reflexionsserien fangen wieder an.',
  'term.replaced': 'Dieses Datum war schon markiert. Ich habe es aktualisiert, statt einen zweiten Abschnitt anzulegen.',
  'terms.title': 'Abschnitte des Schuljahres',
  'terms.line': '{date}',
  'terms.lineNamed': '{date}: {name}',
  'terms.newYear': '(beginnt ein Schuljahr)',
  'terms.running': '(läuft gerade)',
  'terms.none': 'Es sind noch keine Abschnitte markiert. Koordinator:innen markieren einen mit {command}.',
  'year.ask.title': 'Ein neues Schuljahr für {community}',
  'year.ask.intro': 'Das Schuljahr beginnt am {date}. Bitte prüf vor dem ersten Treffen, ob {community} dafür bereit ist:',
  'year.ask.members': '{count, plural, one {# Mitglied} other {# Mitglieder}}: wer dabei ist, zeigt {command}',
  'year.ask.cadence': 'Treffen {cadence}; ändern mit {command}',
  'year.ask.noCadence': 'Es sind noch keine Treffen geplant; festlegen mit {command}',
  'year.ask.norms':
    '{count, plural, =0 {Noch keine Vereinbarungen; hinzufügen mit {command}} one {# Vereinbarung: lesen mit {command}} other {# Vereinbarungen: lesen mit {command}}}',
  'year.ask.how': 'Wenn alles stimmt, drück den Knopf oder schreib {command}.',
  'year.button.members': 'Mitglieder',
  'year.button.norms': 'Vereinbarungen',
  'year.button.confirm': 'Alles stimmt',
  'term.confirmed': 'Danke: {community} ist für das Schuljahr bestätigt, das am {date} begonnen hat.',
  'term.alreadyConfirmed': '{community} wurde für dieses Schuljahr schon am {date} bestätigt. Es ist nichts weiter zu tun.',
  'error.noSchoolYear':
    'Es hat noch kein Schuljahr begonnen, also gibt es nichts zu bestätigen. Koordinator:innen beginnen eines mit {command}.',
  'privacy.operations.yearConfirmed': 'dass du eine Lerngemeinschaft für ein neues Schuljahr bestätigt hast, und wann',
};

const da: Messages = {
  'help.group.operations': 'Skoleåret',
  'cmd.settings.quiet.usage': 'settings quiet <HH:MM-HH:MM>',
  'cmd.settings.quiet.summary': 'De timer, hvor jeg skriver til folk, i hver persons egen tidszone; uden for dem venter jeg.',
  'cmd.settings.workdays.usage': 'settings workdays <mon-fri>',
  'cmd.settings.workdays.summary': 'De dage, hvor jeg skriver til folk; på de andre venter jeg.',
  'settings.quiet.done':
    'Fra nu af skriver jeg kun til folk her mellem {from} og {to}, i hver persons egen tidszone. Det, der falder uden for, venter til næste tilladte tidspunkt og kommer så én gang. Mødepåmindelser i kanaler og svar på kommandoer holder jeg ikke tilbage.',
  'settings.workdays.done':
    'Fra nu af skriver jeg kun til folk her på disse dage: {days}. Det, der falder på en anden dag, venter til den næste og kommer så én gang.',
  'error.badQuietHours':
    '“{value}” er ikke et tidsrum. Skriv det som TT:MM-TT:MM i 24-timersformat med det tidligste tidspunkt først, for eksempel 07:00-19:00.',
  'error.badWorkdays': '“{value}” er ikke en liste over dage. Skriv et interval som mon-fri eller dage med kommaer som mon,tue,thu.',
  'cmd.term.start.usage': 'term start <ÅÅÅÅ-MM-DD> [new-year] [navn]',
  'cmd.term.start.summary':
    'Markér den dag, hvor en ny periode i skoleåret begynder, for alle læringsfællesskaber; med new-year begynder også et nyt skoleår.',
  'cmd.terms.usage': 'terms',
  'cmd.terms.summary': 'Skoleårets markerede perioder, og den, der kører nu.',
  'cmd.term.confirm.usage': 'term confirm',
  'cmd.term.confirm.summary': 'Bekræft, at dit læringsfællesskabs medlemmer, møder og normer passer til det nye skoleår.',
  'term.started': 'En ny periode begynder {date}.',
  'term.startedNamed': '“{name}” begynder {date}.',
  'term.effects':
    'Fra den dag fordeles opgaverne ved møderne på ny, og hvert læringsfællesskab med normer bliver bedt om at se på dem igen den morgen.',
  'term.newYearEffects':
    'Det begynder også et nyt skoleår. Den morgen beder jeg lederne af alle læringsfællesskaber om at bekræfte deres medlemmer, møder og normer. Opgaverne ved møderne fordeles på ny, makkerparrene begynder forfra (par fra sidste år tæller som nye), og refleksionsstimerne starter igen.',
  'term.replaced': 'Den dato var allerede markeret, så jeg har opdateret den i stedet for at tilføje en periode mere.',
  'terms.title': 'Skoleårets perioder',
  'terms.line': '{date}',
  'terms.lineNamed': '{date}: {name}',
  'terms.newYear': '(begynder et skoleår)',
  'terms.running': '(kører nu)',
  'terms.none': 'Der er ikke markeret nogen perioder endnu. En koordinator markerer en med {command}.',
  'year.ask.title': 'Et nyt skoleår for {community}',
  'year.ask.intro': 'Skoleåret begynder {date}. Tjek gerne før det første møde, at {community} er klar til det:',
  'year.ask.members': '{count, plural, one {# medlem} other {# medlemmer}}: se, hvem der er med, med {command}',
  'year.ask.cadence': 'Møder {cadence}; ændr dem med {command}',
  'year.ask.noCadence': 'Der er ikke planlagt nogen møder endnu; fastlæg dem med {command}',
  'year.ask.norms':
    '{count, plural, =0 {Ingen normer endnu; tilføj dem med {command}} one {# norm: læs den med {command}} other {# normer: læs dem med {command}}}',
  'year.ask.how': 'Når alt passer, så tryk på knappen eller skriv {command}.',
  'year.button.members': 'Medlemmer',
  'year.button.norms': 'Normer',
  'year.button.confirm': 'Alt passer',
  'term.confirmed': 'Tak: {community} er bekræftet for det skoleår, der begyndte {date}.',
  'term.alreadyConfirmed': '{community} blev allerede bekræftet for dette skoleår {date}. Der er ikke mere at gøre.',
  'error.noSchoolYear': 'Der er ikke begyndt noget skoleår endnu, så der er intet at bekræfte. En koordinator begynder et med {command}.',
  'privacy.operations.yearConfirmed': 'at du har bekræftet et læringsfællesskab for et nyt skoleår, og hvornår',
};

const nl: Messages = {
  'help.group.operations': 'Het schooljaar',
  'cmd.settings.quiet.usage': 'settings quiet <HH:MM-HH:MM>',
  'cmd.settings.quiet.summary': 'De uren waarin ik mensen schrijf, in ieders eigen tijdzone; daarbuiten wacht ik.',
  'cmd.settings.workdays.usage': 'settings workdays <mon-fri>',
  'cmd.settings.workdays.summary': 'De dagen waarop ik mensen schrijf; op de andere wacht ik.',
  'settings.quiet.done':
    'Vanaf nu schrijf ik mensen hier alleen tussen {from} en {to}, in ieders eigen tijdzone. Wat daarbuiten valt, wacht tot het volgende toegestane moment en komt dan één keer aan. Herinneringen aan bijeenkomsten in kanalen en antwoorden op opdrachten houd ik niet tegen.',
  'settings.workdays.done':
    'Vanaf nu schrijf ik mensen hier alleen op deze dagen: {days}. Wat op een andere dag valt, wacht tot de volgende en komt dan één keer aan.',
  'error.badQuietHours':
    '‘{value}’ is geen tijdvak. Schrijf het als HH:MM-HH:MM in 24-uursnotatie, de vroegste tijd eerst, bijvoorbeeld 07:00-19:00.',
  'error.badWorkdays': '‘{value}’ is geen lijst van dagen. Schrijf een reeks zoals mon-fri, of dagen met komma’s zoals mon,tue,thu.',
  'cmd.term.start.usage': 'term start <JJJJ-MM-DD> [new-year] [naam]',
  'cmd.term.start.summary':
    'Markeer de dag waarop een nieuwe periode begint, voor alle leergemeenschappen; met new-year begint ook een nieuw schooljaar.',
  'cmd.terms.usage': 'terms',
  'cmd.terms.summary': 'De gemarkeerde periodes van het schooljaar, en de periode die nu loopt.',
  'cmd.term.confirm.usage': 'term confirm',
  'cmd.term.confirm.summary':
    'Bevestig dat de leden, bijeenkomsten en afspraken van je leergemeenschap kloppen voor het nieuwe schooljaar.',
  'term.started': 'Op {date} begint een nieuwe periode.',
  'term.startedNamed': '‘{name}’ begint op {date}.',
  'term.effects':
    'Vanaf die dag worden de taken bij de bijeenkomsten opnieuw verdeeld, en elke leergemeenschap met afspraken wordt die ochtend gevraagd ze opnieuw te bekijken.',
  'term.newYearEffects':
    'Daarmee begint ook een nieuw schooljaar. Die ochtend vraag ik de leiders van elke leergemeenschap hun leden, bijeenkomsten en afspraken te bevestigen. De taken bij de bijeenkomsten worden opnieuw verdeeld, de observatieparen beginnen opnieuw (paren van vorig jaar tellen als nieuw) en de reflectiereeksen beginnen weer van voren af aan.',
  'term.replaced': 'Die datum was al gemarkeerd, dus ik heb hem bijgewerkt in plaats van een tweede periode toe te voegen.',
  'terms.title': 'Periodes van het schooljaar',
  'terms.line': '{date}',
  'terms.lineNamed': '{date}: {name}',
  'terms.newYear': '(begint een schooljaar)',
  'terms.running': '(loopt nu)',
  'terms.none': 'Er zijn nog geen periodes gemarkeerd. Een coördinator markeert er een met {command}.',
  'year.ask.title': 'Een nieuw schooljaar voor {community}',
  'year.ask.intro': 'Het schooljaar begint op {date}. Wil je vóór de eerste bijeenkomst nagaan of {community} er klaar voor is?',
  'year.ask.members': '{count, plural, one {# lid} other {# leden}}: wie er meedoet, zie je met {command}',
  'year.ask.cadence': 'Bijeenkomsten {cadence}; wijzigen met {command}',
  'year.ask.noCadence': 'Er zijn nog geen bijeenkomsten gepland; plan ze met {command}',
  'year.ask.norms':
    '{count, plural, =0 {Nog geen afspraken; voeg ze toe met {command}} one {# afspraak: lees hem met {command}} other {# afspraken: lees ze met {command}}}',
  'year.ask.how': 'Klopt alles? Druk dan op de knop of typ {command}.',
  'year.button.members': 'Leden',
  'year.button.norms': 'Afspraken',
  'year.button.confirm': 'Alles klopt',
  'term.confirmed': 'Dank je: {community} is bevestigd voor het schooljaar dat op {date} begon.',
  'term.alreadyConfirmed': '{community} was al bevestigd voor dit schooljaar, op {date}. Er hoeft niets meer te gebeuren.',
  'error.noSchoolYear': 'Er is nog geen schooljaar begonnen, dus er valt niets te bevestigen. Een coördinator begint er een met {command}.',
  'privacy.operations.yearConfirmed': 'dat je een leergemeenschap voor een nieuw schooljaar hebt bevestigd, en wanneer',
};

const ar: Messages = {
  'help.group.operations': 'العام الدراسي',
  'cmd.settings.quiet.usage': 'settings quiet <HH:MM-HH:MM>',
  'cmd.settings.quiet.summary': 'الساعات التي أراسل فيها الناس، بحسب المنطقة الزمنية لكل شخص؛ وخارجها أنتظر.',
  'cmd.settings.workdays.usage': 'settings workdays <mon-fri>',
  'cmd.settings.workdays.summary': 'الأيام التي أراسل فيها الناس؛ وفي غيرها أنتظر.',
  'settings.quiet.done':
    'من الآن فصاعدًا لن أراسل الناس هنا إلا بين {from} و{to}، بحسب المنطقة الزمنية لكل شخص. وما يحين خارج هذه الساعات ينتظر أقرب وقت مسموح ثم يصل مرة واحدة. أما تذكيرات الاجتماعات في القنوات والردود على الأوامر فلا أؤخرها.',
  'settings.workdays.done':
    'من الآن فصاعدًا لن أراسل الناس هنا إلا في هذه الأيام: {days}. وما يحين في يوم آخر ينتظر اليوم المسموح التالي ثم يصل مرة واحدة.',
  'error.badQuietHours':
    '«{value}» ليست فترة زمنية. اكتبها بالصيغة HH:MM-HH:MM بنظام الأربع والعشرين ساعة، والوقت الأبكر أولًا، مثل 07:00-19:00.',
  'error.badWorkdays': '«{value}» ليست قائمة أيام. اكتب مدى مثل mon-fri، أو أيامًا تفصل بينها فواصل مثل mon,tue,thu.',
  'cmd.term.start.usage': 'term start <YYYY-MM-DD> [new-year] [الاسم]',
  'cmd.term.start.summary': 'حدِّد اليوم الذي يبدأ فيه فصل دراسي لكل المجتمعات؛ ومع new-year يبدأ معه عام دراسي جديد أيضًا.',
  'cmd.terms.usage': 'terms',
  'cmd.terms.summary': 'الفصول الدراسية المحدَّدة للمدرسة، والفصل الجاري الآن.',
  'cmd.term.confirm.usage': 'term confirm',
  'cmd.term.confirm.summary': 'أكِّد أن أعضاء مجتمعك واجتماعاته وأعرافه مناسبة للعام الدراسي الجديد.',
  'term.started': 'يبدأ فصل دراسي جديد يوم {date}.',
  'term.startedNamed': 'يبدأ «{name}» يوم {date}.',
  'term.effects': 'ومن ذلك اليوم تُوزَّع مهام الاجتماعات من جديد، ويُطلب من كل مجتمع له أعراف أن يراجعها صباح ذلك اليوم.',
  'term.newYearEffects':
    'ويبدأ معه أيضًا عام دراسي جديد. في صباح ذلك اليوم أطلب من قادة كل المجتمعات تأكيد الأعضاء والاجتماعات والأعراف. وتُوزَّع مهام الاجتماعات من جديد، ويبدأ سجل أزواج الزيارات الصفية من الصفر (فالأزواج من العام الماضي تُعدّ جديدة)، وتبدأ سلاسل التأمل من جديد.',
  'term.replaced': 'كان هذا التاريخ محدَّدًا من قبل، فحدّثته بدلًا من إضافة فصل ثانٍ.',
  'terms.title': 'فصول العام الدراسي',
  'terms.line': '{date}',
  'terms.lineNamed': '{date}: {name}',
  'terms.newYear': '(يبدأ عامًا دراسيًا)',
  'terms.running': '(جارٍ الآن)',
  'terms.none': 'لم يُحدَّد أي فصل دراسي بعد. يحدّد المنسق فصلًا بالأمر {command}.',
  'year.ask.title': 'عام دراسي جديد لمجتمع {community}',
  'year.ask.intro': 'يبدأ العام الدراسي يوم {date}. قبل الاجتماع الأول، يُرجى التحقق من أن {community} مستعد له:',
  'year.ask.members':
    '{count, plural, zero {لا أعضاء} one {عضو واحد} two {عضوان} few {# أعضاء} many {# عضوًا} other {# عضو}}: اعرف من فيه بالأمر {command}',
  'year.ask.cadence': 'الاجتماعات {cadence}؛ غيّرها بالأمر {command}',
  'year.ask.noCadence': 'لم تُجدوَل أي اجتماعات بعد؛ حدّدها بالأمر {command}',
  'year.ask.norms':
    '{count, plural, zero {لا أعراف بعد؛ أضفها بالأمر {command}} one {عرف واحد: اقرأه بالأمر {command}} two {عرفان: اقرأهما بالأمر {command}} few {# أعراف: اقرأها بالأمر {command}} many {# عرفًا: اقرأها بالأمر {command}} other {# عرف: اقرأها بالأمر {command}}}',
  'year.ask.how': 'إذا كان كل شيء صحيحًا، فاضغط الزر أو اكتب {command}.',
  'year.button.members': 'الأعضاء',
  'year.button.norms': 'الأعراف',
  'year.button.confirm': 'كل شيء صحيح',
  'term.confirmed': 'شكرًا: تمّ تأكيد {community} للعام الدراسي الذي بدأ يوم {date}.',
  'term.alreadyConfirmed': 'سبق تأكيد {community} لهذا العام الدراسي يوم {date}. لا شيء آخر مطلوب.',
  'error.noSchoolYear': 'لم يبدأ أي عام دراسي بعد، فلا شيء لتأكيده. يبدأ المنسق عامًا بالأمر {command}.',
  'privacy.operations.yearConfirmed': 'أنك أكّدت مجتمعًا لعام دراسي جديد، ومتى',
};

export const messages = defineMessages({ en, de, da, nl, ar });
