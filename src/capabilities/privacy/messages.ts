import { defineMessages } from '../../i18n/define.js';

/** Each person's data rights: what is kept, a copy of it, and forgetting them. */
const en = {
  'help.group.privacy': 'Your data',
  'cmd.privacy.usage': 'privacy',
  'cmd.privacy.summary': 'What the bot keeps about you, who can see it, how long it is kept, and how to get a copy or erase it.',
  'cmd.export me.usage': 'export me | export @person',
  'cmd.export me.summary':
    'Get everything the bot keeps about you as one file in a direct message. Coordinators can ask for the same file about someone else.',
  'cmd.forget me.usage': 'forget me [confirm] | forget @person confirm',
  'cmd.forget me.summary':
    'Erase what the bot keeps about you in every community of this workspace. Coordinators can erase someone who has left.',
  'privacy.title': 'What I keep about you',
  'privacy.intro': 'Part by part: what I store, who can see it, how long it is kept, and what {command} does to it.',
  'privacy.line': '{what}: seen by {readers}; {kept}; {forget}.',
  'privacy.readers.self': 'only you',
  'privacy.readers.pair': 'only you and the colleague of that visit',
  'privacy.readers.community': 'your community',
  'privacy.readers.leads': 'your community’s leads and the coordinators',
  'privacy.readers.coordinators': 'the coordinators',
  'privacy.readers.chosen': 'whom you choose each time',
  'privacy.readers.workspace': 'the people of this workspace',
  'privacy.kept.retention': 'kept for {days, plural, one {# day} other {# days}}',
  'privacy.kept.noLimit': 'kept until it is deleted (this school sets no time limit)',
  'privacy.kept.whileUsed': 'kept while you use the bot',
  'privacy.forget.deleted': 'forget me deletes it',
  'privacy.forget.anonymous': 'forget me keeps it for the others, credited to “a former member”',
  'privacy.undescribed': 'This part has not described its data yet; {command} shows everything it keeps about you.',
  'privacy.platform': 'Slack or Teams: your platform ids and the reference to our chat; forget me deletes them.',
  'privacy.audit': 'Coordinators see a trail of role changes, exports and erasures; it never holds what you wrote.',
  'privacy.exportHow': 'Get a copy of all of it: {command}. It arrives as one file in our direct messages.',
  'privacy.forgetHow': 'Erase it: {command}. I ask you to confirm first.',
  'privacy.beyond':
    'Messages already posted in Slack or Teams are beyond me: delete them there. Backups keep what they hold for up to {days, plural, one {# day} other {# days}}, then age out.',
  'privacy.beyondNoLimit':
    'Messages already posted in Slack or Teams are beyond me: delete them there. Backups keep what they hold for as long as the school keeps its backups.',
  'export.fileTitle': 'Everything I keep about you',
  'export.fileTitleAbout': 'Everything I keep about {name}',
  'export.fileNote':
    'One JSON file: a section for each part of the bot, each entry with its date and who could read it. Keep it somewhere safe.',
  'export.sent': 'I have sent the file to our direct messages.',
  'export.nothing': 'I keep nothing about {name}.',
  'forget.title': 'Forget you everywhere in this workspace?',
  'forget.titleAbout': 'Forget {name} everywhere in this workspace?',
  'forget.deleted': 'Deleted:',
  'forget.kept': 'Kept for the others, credited to “a former member”:',
  'forget.counts': 'Attendance and other counts stay as numbers with no name, so rotations and summaries stay right.',
  'forget.final': 'This cannot be undone. A copy first? {command}',
  'forget.confirm': 'Yes, forget me',
  'forget.confirmAbout': 'Yes, forget {name}',
  'forget.done':
    'Done. I no longer know who you are: what was yours alone is deleted, and what others rely on is credited to “a former member”.',
  'forget.doneAbout':
    'Done. {name} is forgotten: what was theirs alone is deleted, and what others rely on is credited to “a former member”.',
  'error.forgetOnlyLead': 'You are the only lead of {community}, and others are in it. Hand it over first with {command}, then ask again.',
  'error.forgetOnlyLeadAbout':
    '{name} is the only lead of {community}, and others are in it. Hand it over first with {command}, then ask again.',
  'error.forgetLastCoordinator': 'You are the last coordinator of this workspace. Appoint another first with {command}, then ask again.',
  'error.forgetLastCoordinatorAbout':
    '{name} is the last coordinator of this workspace. Appoint another first with {command}, then ask again.',
  'error.forgetWhom': 'Say whom: {me}, or a person (coordinators only).',
} as const;

type Messages = Record<keyof typeof en, string>;

/** German: informal “du”, as colleagues write to each other. */
const de: Messages = {
  'help.group.privacy': 'Deine Daten',
  'cmd.privacy.usage': 'privacy',
  'cmd.privacy.summary':
    'Was der Bot über dich speichert, wer es sehen kann, wie lange es bleibt und wie du eine Kopie bekommst oder es löschst.',
  'cmd.export me.usage': 'export me | export @person',
  'cmd.export me.summary':
    'Alles, was der Bot über dich speichert, als eine Datei in einer Direktnachricht. Koordinatorinnen und Koordinatoren können dieselbe Datei über andere anfordern.',
  'cmd.forget me.usage': 'forget me [confirm] | forget @person confirm',
  'cmd.forget me.summary':
    'Löscht, was der Bot über dich speichert, in allen Lerngemeinschaften dieses Arbeitsbereichs. Koordinatorinnen und Koordinatoren können ausgeschiedene Kolleginnen und Kollegen löschen.',
  'privacy.title': 'Was ich über dich speichere',
  'privacy.intro': 'Teil für Teil: was ich speichere, wer es sieht, wie lange es bleibt und was {command} damit macht.',
  'privacy.line': '{what}: sichtbar für {readers}; {kept}; {forget}.',
  'privacy.readers.self': 'nur dich',
  'privacy.readers.pair': 'nur dich und die Kollegin oder den Kollegen dieses Besuchs',
  'privacy.readers.community': 'deine Lerngemeinschaft',
  'privacy.readers.leads': 'die Leitungen deiner Lerngemeinschaft und die Koordination',
  'privacy.readers.coordinators': 'die Koordination',
  'privacy.readers.chosen': 'wen du jeweils wählst',
  'privacy.readers.workspace': 'die Menschen in diesem Arbeitsbereich',
  'privacy.kept.retention': 'wird {days, plural, one {# Tag} other {# Tage}} aufbewahrt',
  'privacy.kept.noLimit': 'bleibt, bis es gelöscht wird (diese Schule setzt keine Frist)',
  'privacy.kept.whileUsed': 'bleibt, solange du den Bot nutzt',
  'privacy.forget.deleted': 'forget me löscht es',
  'privacy.forget.anonymous': 'forget me lässt es für die anderen stehen, „einem ehemaligen Mitglied“ zugeschrieben',
  'privacy.undescribed': 'Dieser Teil hat seine Daten noch nicht beschrieben; {command} zeigt alles, was er über dich speichert.',
  'privacy.platform': 'Slack oder Teams: deine Kennungen dort und der Verweis auf unseren Chat; forget me löscht sie.',
  'privacy.audit':
    'Die Koordination sieht ein Protokoll von Rollenwechseln, Exporten und Löschungen; es enthält nie, was du geschrieben hast.',
  'privacy.exportHow': 'Eine Kopie von allem: {command}. Sie kommt als eine Datei in unseren Direktnachrichten.',
  'privacy.forgetHow': 'Löschen: {command}. Ich frage vorher noch einmal nach.',
  'privacy.beyond':
    'Nachrichten, die schon in Slack oder Teams stehen, kann ich nicht löschen: Das geht nur dort. Sicherungskopien behalten ihren Inhalt bis zu {days, plural, one {# Tag} other {# Tage}} und laufen dann aus.',
  'privacy.beyondNoLimit':
    'Nachrichten, die schon in Slack oder Teams stehen, kann ich nicht löschen: Das geht nur dort. Sicherungskopien behalten ihren Inhalt so lange, wie die Schule sie aufbewahrt.',
  'export.fileTitle': 'Alles, was ich über dich speichere',
  'export.fileTitleAbout': 'Alles, was ich über {name} speichere',
  'export.fileNote':
    'Eine JSON-Datei: ein Abschnitt je Teil des Bots, jeder Eintrag mit Datum und der Angabe, wer ihn lesen konnte. Bewahre sie sicher auf.',
  'export.sent': 'Ich habe dir die Datei in unsere Direktnachrichten geschickt.',
  'export.nothing': 'Über {name} speichere ich nichts.',
  'forget.title': 'Soll ich dich in diesem ganzen Arbeitsbereich vergessen?',
  'forget.titleAbout': 'Soll ich {name} in diesem ganzen Arbeitsbereich vergessen?',
  'forget.deleted': 'Gelöscht wird:',
  'forget.kept': 'Für die anderen bleibt, „einem ehemaligen Mitglied“ zugeschrieben:',
  'forget.counts': 'Teilnahmen und andere Zahlen bleiben als Zahlen ohne Namen, damit Rotation und Übersichten stimmen.',
  'forget.final': 'Das lässt sich nicht rückgängig machen. Vorher eine Kopie? {command}',
  'forget.confirm': 'Ja, vergiss mich',
  'forget.confirmAbout': 'Ja, {name} vergessen',
  'forget.done':
    'Erledigt. Ich weiß nicht mehr, wer du bist: Was nur dir gehörte, ist gelöscht, und was andere brauchen, steht unter „ein ehemaliges Mitglied“.',
  'forget.doneAbout':
    'Erledigt. {name} ist vergessen: Was nur ihr oder ihm gehörte, ist gelöscht, und was andere brauchen, steht unter „ein ehemaliges Mitglied“.',
  'error.forgetOnlyLead':
    'Du bist die einzige Leitung von {community}, und es sind noch andere dabei. Übergib zuerst mit {command} und frag dann noch einmal.',
  'error.forgetOnlyLeadAbout':
    '{name} ist die einzige Leitung von {community}, und es sind noch andere dabei. Übergib zuerst mit {command} und frag dann noch einmal.',
  'error.forgetLastCoordinator':
    'Du bist die letzte Koordinatorin oder der letzte Koordinator dieses Arbeitsbereichs. Ernenne zuerst jemanden mit {command} und frag dann noch einmal.',
  'error.forgetLastCoordinatorAbout':
    '{name} ist die letzte Koordination dieses Arbeitsbereichs. Ernenne zuerst jemanden mit {command} und frag dann noch einmal.',
  'error.forgetWhom': 'Sag, wen: {me} oder eine Person (nur für die Koordination).',
};

/** Danish: the plain, friendly register of a staff room. */
const da: Messages = {
  'help.group.privacy': 'Dine data',
  'cmd.privacy.usage': 'privacy',
  'cmd.privacy.summary':
    'Hvad botten gemmer om dig, hvem der kan se det, hvor længe det gemmes, og hvordan du får en kopi eller sletter det.',
  'cmd.export me.usage': 'export me | export @person',
  'cmd.export me.summary':
    'Få alt, hvad botten gemmer om dig, som én fil i en direkte besked. Koordinatorer kan bede om den samme fil om en anden.',
  'cmd.forget me.usage': 'forget me [confirm] | forget @person confirm',
  'cmd.forget me.summary':
    'Slet det, botten gemmer om dig, i alle fællesskaber i dette arbejdsområde. Koordinatorer kan slette en, der er stoppet.',
  'privacy.title': 'Hvad jeg gemmer om dig',
  'privacy.intro': 'Del for del: hvad jeg gemmer, hvem der kan se det, hvor længe det gemmes, og hvad {command} gør ved det.',
  'privacy.line': '{what}: kan ses af {readers}; {kept}; {forget}.',
  'privacy.readers.self': 'kun dig',
  'privacy.readers.pair': 'kun dig og kollegaen fra det besøg',
  'privacy.readers.community': 'dit fællesskab',
  'privacy.readers.leads': 'dit fællesskabs ledere og koordinatorerne',
  'privacy.readers.coordinators': 'koordinatorerne',
  'privacy.readers.chosen': 'dem, du vælger hver gang',
  'privacy.readers.workspace': 'folk i dette arbejdsområde',
  'privacy.kept.retention': 'gemmes i {days, plural, one {# dag} other {# dage}}',
  'privacy.kept.noLimit': 'gemmes, til det slettes (skolen har ingen tidsgrænse)',
  'privacy.kept.whileUsed': 'gemmes, så længe du bruger botten',
  'privacy.forget.deleted': 'forget me sletter det',
  'privacy.forget.anonymous': 'forget me lader det blive til de andre, krediteret “et tidligere medlem”',
  'privacy.undescribed': 'Denne del har ikke beskrevet sine data endnu; {command} viser alt, hvad den gemmer om dig.',
  'privacy.platform': 'Slack eller Teams: dine id’er dér og henvisningen til vores chat; forget me sletter dem.',
  'privacy.audit': 'Koordinatorerne ser en log over rolleskift, eksporter og sletninger; den indeholder aldrig, hvad du har skrevet.',
  'privacy.exportHow': 'Få en kopi af det hele: {command}. Den kommer som én fil i vores direkte beskeder.',
  'privacy.forgetHow': 'Slet det: {command}. Jeg beder dig bekræfte først.',
  'privacy.beyond':
    'Beskeder, der allerede er sendt i Slack eller Teams, kan jeg ikke nå: slet dem dér. Sikkerhedskopier beholder deres indhold i op til {days, plural, one {# dag} other {# dage}} og udløber så.',
  'privacy.beyondNoLimit':
    'Beskeder, der allerede er sendt i Slack eller Teams, kan jeg ikke nå: slet dem dér. Sikkerhedskopier beholder deres indhold, så længe skolen gemmer sine sikkerhedskopier.',
  'export.fileTitle': 'Alt, hvad jeg gemmer om dig',
  'export.fileTitleAbout': 'Alt, hvad jeg gemmer om {name}',
  'export.fileNote': 'Én JSON-fil: et afsnit for hver del af botten, hver post med dato og hvem der kunne læse den. Opbevar den sikkert.',
  'export.sent': 'Jeg har sendt filen til vores direkte beskeder.',
  'export.nothing': 'Jeg gemmer intet om {name}.',
  'forget.title': 'Skal jeg glemme dig overalt i dette arbejdsområde?',
  'forget.titleAbout': 'Skal jeg glemme {name} overalt i dette arbejdsområde?',
  'forget.deleted': 'Slettes:',
  'forget.kept': 'Bliver til de andre, krediteret “et tidligere medlem”:',
  'forget.counts': 'Fremmøde og andre tal bliver som tal uden navn, så rotation og overblik stadig passer.',
  'forget.final': 'Det kan ikke fortrydes. En kopi først? {command}',
  'forget.confirm': 'Ja, glem mig',
  'forget.confirmAbout': 'Ja, glem {name}',
  'forget.done':
    'Færdig. Jeg ved ikke længere, hvem du er: det, der kun var dit, er slettet, og det, andre bruger, står som “et tidligere medlem”.',
  'forget.doneAbout': 'Færdig. {name} er glemt: det, der kun var deres, er slettet, og det, andre bruger, står som “et tidligere medlem”.',
  'error.forgetOnlyLead':
    'Du er den eneste leder af {community}, og der er andre med. Giv det videre først med {command}, og spørg så igen.',
  'error.forgetOnlyLeadAbout':
    '{name} er den eneste leder af {community}, og der er andre med. Giv det videre først med {command}, og spørg så igen.',
  'error.forgetLastCoordinator':
    'Du er den sidste koordinator i dette arbejdsområde. Udnævn en anden først med {command}, og spørg så igen.',
  'error.forgetLastCoordinatorAbout':
    '{name} er den sidste koordinator i dette arbejdsområde. Udnævn en anden først med {command}, og spørg så igen.',
  'error.forgetWhom': 'Sig hvem: {me} eller en person (kun koordinatorer).',
};

/** Dutch: informal “je”, as colleagues write to each other. */
const nl: Messages = {
  'help.group.privacy': 'Jouw gegevens',
  'cmd.privacy.usage': 'privacy',
  'cmd.privacy.summary': 'Wat de bot over je bewaart, wie het kan zien, hoe lang het blijft en hoe je een kopie krijgt of het wist.',
  'cmd.export me.usage': 'export me | export @persoon',
  'cmd.export me.summary':
    'Krijg alles wat de bot over je bewaart als één bestand in een privébericht. Coördinatoren kunnen hetzelfde bestand over iemand anders opvragen.',
  'cmd.forget me.usage': 'forget me [confirm] | forget @persoon confirm',
  'cmd.forget me.summary':
    'Wis wat de bot over je bewaart, in elke leergemeenschap van deze werkruimte. Coördinatoren kunnen iemand wissen die vertrokken is.',
  'privacy.title': 'Wat ik over je bewaar',
  'privacy.intro': 'Onderdeel voor onderdeel: wat ik opsla, wie het kan zien, hoe lang het blijft en wat {command} ermee doet.',
  'privacy.line': '{what}: zichtbaar voor {readers}; {kept}; {forget}.',
  'privacy.readers.self': 'alleen jou',
  'privacy.readers.pair': 'alleen jou en de collega van dat lesbezoek',
  'privacy.readers.community': 'je leergemeenschap',
  'privacy.readers.leads': 'de leiders van je leergemeenschap en de coördinatoren',
  'privacy.readers.coordinators': 'de coördinatoren',
  'privacy.readers.chosen': 'wie jij telkens kiest',
  'privacy.readers.workspace': 'de mensen in deze werkruimte',
  'privacy.kept.retention': 'blijft {days, plural, one {# dag} other {# dagen}} bewaard',
  'privacy.kept.noLimit': 'blijft tot het gewist wordt (deze school stelt geen termijn)',
  'privacy.kept.whileUsed': 'blijft zolang je de bot gebruikt',
  'privacy.forget.deleted': 'forget me wist het',
  'privacy.forget.anonymous': 'forget me laat het staan voor de anderen, toegeschreven aan “een voormalig lid”',
  'privacy.undescribed': 'Dit onderdeel heeft zijn gegevens nog niet beschreven; {command} laat alles zien wat het over je bewaart.',
  'privacy.platform': 'Slack of Teams: je id’s daar en de verwijzing naar ons gesprek; forget me wist ze.',
  'privacy.audit': 'Coördinatoren zien een logboek van rolwijzigingen, exports en wissingen; daarin staat nooit wat je geschreven hebt.',
  'privacy.exportHow': 'Een kopie van alles: {command}. Die komt als één bestand in onze privéberichten.',
  'privacy.forgetHow': 'Wissen: {command}. Ik vraag je eerst om bevestiging.',
  'privacy.beyond':
    'Berichten die al in Slack of Teams staan, kan ik niet wissen: dat doe je daar. Back-ups houden hun inhoud tot {days, plural, one {# dag} other {# dagen}} vast en verlopen dan.',
  'privacy.beyondNoLimit':
    'Berichten die al in Slack of Teams staan, kan ik niet wissen: dat doe je daar. Back-ups houden hun inhoud vast zolang de school haar back-ups bewaart.',
  'export.fileTitle': 'Alles wat ik over je bewaar',
  'export.fileTitleAbout': 'Alles wat ik over {name} bewaar',
  'export.fileNote':
    'Eén JSON-bestand: een deel per onderdeel van de bot, elk item met de datum en wie het kon lezen. Bewaar het op een veilige plek.',
  'export.sent': 'Ik heb het bestand naar onze privéberichten gestuurd.',
  'export.nothing': 'Ik bewaar niets over {name}.',
  'forget.title': 'Zal ik je overal in deze werkruimte vergeten?',
  'forget.titleAbout': 'Zal ik {name} overal in deze werkruimte vergeten?',
  'forget.deleted': 'Gewist:',
  'forget.kept': 'Blijft voor de anderen, toegeschreven aan “een voormalig lid”:',
  'forget.counts': 'Aanwezigheid en andere aantallen blijven als getallen zonder naam, zodat rooster en overzichten kloppen.',
  'forget.final': 'Dit kan niet ongedaan worden gemaakt. Eerst een kopie? {command}',
  'forget.confirm': 'Ja, vergeet me',
  'forget.confirmAbout': 'Ja, vergeet {name}',
  'forget.done':
    'Klaar. Ik weet niet meer wie je bent: wat alleen van jou was, is gewist, en wat anderen nodig hebben, staat op naam van “een voormalig lid”.',
  'forget.doneAbout':
    'Klaar. {name} is vergeten: wat alleen van die persoon was, is gewist, en wat anderen nodig hebben, staat op naam van “een voormalig lid”.',
  'error.forgetOnlyLead':
    'Je bent de enige leider van {community}, en er zijn nog anderen. Draag het eerst over met {command} en vraag het dan opnieuw.',
  'error.forgetOnlyLeadAbout':
    '{name} is de enige leider van {community}, en er zijn nog anderen. Draag het eerst over met {command} en vraag het dan opnieuw.',
  'error.forgetLastCoordinator':
    'Je bent de laatste coördinator van deze werkruimte. Benoem eerst iemand anders met {command} en vraag het dan opnieuw.',
  'error.forgetLastCoordinatorAbout':
    '{name} is de laatste coördinator van deze werkruimte. Benoem eerst iemand anders met {command} en vraag het dan opnieuw.',
  'error.forgetWhom': 'Zeg wie: {me} of een persoon (alleen coördinatoren).',
};

/** Arabic: Modern Standard Arabic, addressing a colleague directly; commands stay in Latin script. */
const ar: Messages = {
  'help.group.privacy': 'بياناتك',
  'cmd.privacy.usage': 'privacy',
  'cmd.privacy.summary': 'ما يحفظه البوت عنك، ومن يستطيع رؤيته، وكم يُحفظ، وكيف تحصل على نسخة منه أو تمحوه.',
  'cmd.export me.usage': 'export me | export @شخص',
  'cmd.export me.summary': 'احصل على كل ما يحفظه البوت عنك في ملف واحد برسالة مباشرة. ويستطيع المنسقون طلب الملف نفسه عن شخص آخر.',
  'cmd.forget me.usage': 'forget me [confirm] | forget @شخص confirm',
  'cmd.forget me.summary': 'امحُ ما يحفظه البوت عنك في كل مجتمعات مساحة العمل هذه. ويستطيع المنسقون محو من غادر.',
  'privacy.title': 'ما أحفظه عنك',
  'privacy.intro': 'جزءًا جزءًا: ما أخزّنه، ومن يراه، وكم يُحفظ، وما يفعله {command} به.',
  'privacy.line': '{what}: يراه {readers}؛ {kept}؛ {forget}.',
  'privacy.readers.self': 'أنت وحدك',
  'privacy.readers.pair': 'أنت وزميلك في تلك الزيارة وحدكما',
  'privacy.readers.community': 'مجتمعك',
  'privacy.readers.leads': 'قادة مجتمعك والمنسقون',
  'privacy.readers.coordinators': 'المنسقون',
  'privacy.readers.chosen': 'من تختاره في كل مرة',
  'privacy.readers.workspace': 'أعضاء مساحة العمل هذه',
  'privacy.kept.retention': 'يُحفظ {days, plural, zero {# يوم} one {يومًا واحدًا} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}',
  'privacy.kept.noLimit': 'يُحفظ حتى يُحذف (لا تضع هذه المدرسة حدًا زمنيًا)',
  'privacy.kept.whileUsed': 'يُحفظ ما دمت تستخدم البوت',
  'privacy.forget.deleted': 'يحذفه forget me',
  'privacy.forget.anonymous': 'يبقيه forget me للآخرين منسوبًا إلى «عضو سابق»',
  'privacy.undescribed': 'لم يصف هذا الجزء بياناته بعد؛ يعرض {command} كل ما يحفظه عنك.',
  'privacy.platform': 'Slack أو Teams: معرّفاتك هناك والإشارة إلى محادثتنا؛ يحذفها forget me.',
  'privacy.audit': 'يرى المنسقون سجلًا لتغييرات الأدوار والتصديرات وعمليات المحو؛ ولا يحوي أبدًا ما كتبته.',
  'privacy.exportHow': 'احصل على نسخة من كل ذلك: {command}. تصلك في ملف واحد في رسائلنا المباشرة.',
  'privacy.forgetHow': 'امحُه: {command}. سأطلب منك التأكيد أولًا.',
  'privacy.beyond':
    'الرسائل المنشورة من قبل في Slack أو Teams خارج متناولي: احذفها هناك. وتحتفظ النسخ الاحتياطية بما فيها حتى {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} ثم تنتهي صلاحيتها.',
  'privacy.beyondNoLimit':
    'الرسائل المنشورة من قبل في Slack أو Teams خارج متناولي: احذفها هناك. وتحتفظ النسخ الاحتياطية بما فيها ما دامت المدرسة تحتفظ بنسخها.',
  'export.fileTitle': 'كل ما أحفظه عنك',
  'export.fileTitleAbout': 'كل ما أحفظه عن {name}',
  'export.fileNote': 'ملف JSON واحد: قسم لكل جزء من البوت، وكل إدخال بتاريخه ومن كان يستطيع قراءته. احفظه في مكان آمن.',
  'export.sent': 'أرسلت الملف إلى رسائلنا المباشرة.',
  'export.nothing': 'لا أحفظ شيئًا عن {name}.',
  'forget.title': 'هل أنساك في كل مساحة العمل هذه؟',
  'forget.titleAbout': 'هل أنسى {name} في كل مساحة العمل هذه؟',
  'forget.deleted': 'يُحذف:',
  'forget.kept': 'يبقى للآخرين منسوبًا إلى «عضو سابق»:',
  'forget.counts': 'يبقى الحضور وسائر الأعداد أرقامًا بلا أسماء، لتبقى المناوبات والملخصات صحيحة.',
  'forget.final': 'لا يمكن التراجع عن هذا. نسخة أولًا؟ {command}',
  'forget.confirm': 'نعم، انسني',
  'forget.confirmAbout': 'نعم، انسَ {name}',
  'forget.done': 'تم. لم أعد أعرف من أنت: حُذف ما كان لك وحدك، وما يعتمد عليه الآخرون صار منسوبًا إلى «عضو سابق».',
  'forget.doneAbout': 'تم. نُسي {name}: حُذف ما كان له وحده، وما يعتمد عليه الآخرون صار منسوبًا إلى «عضو سابق».',
  'error.forgetOnlyLead': 'أنت القائد الوحيد لمجتمع {community} وفيه أعضاء آخرون. سلّم القيادة أولًا باستخدام {command} ثم اطلب من جديد.',
  'error.forgetOnlyLeadAbout':
    '{name} هو القائد الوحيد لمجتمع {community} وفيه أعضاء آخرون. سلّم القيادة أولًا باستخدام {command} ثم اطلب من جديد.',
  'error.forgetLastCoordinator': 'أنت آخر منسق لمساحة العمل هذه. عيّن منسقًا آخر أولًا باستخدام {command} ثم اطلب من جديد.',
  'error.forgetLastCoordinatorAbout': '{name} هو آخر منسق لمساحة العمل هذه. عيّن منسقًا آخر أولًا باستخدام {command} ثم اطلب من جديد.',
  'error.forgetWhom': 'حدّد من: {me} أو شخصًا (للمنسقين فقط).',
};

export const messages = defineMessages({ en, de, da, nl, ar });
