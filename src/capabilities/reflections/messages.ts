import { defineMessages } from '../../i18n/define.js';

/** Reflections: writing, reading and changing them, the form, prompts and their questions, streaks. */
const en = {
  'help.group.reflections': 'Reflections',
  'cmd.reflect.usage': 'reflect [team|coordinator] <text> | reflect',
  'cmd.reflect.summary':
    'Write a reflection: only you read it, unless you say “team” (members and leads) or “coordinator” (leads and coordinators). Without text, a form with today’s question.',
  'cmd.reflections.usage': 'reflections [team] [page <n>]',
  'cmd.reflections.summary': 'List your own reflections, newest first; “reflections team” lists the others’ that you may read.',
  'cmd.reflection.usage': 'reflection #n | reflection edit #n <text> | reflection delete #n',
  'cmd.reflection.summary': 'Read one reflection in full, or change or delete one of your own.',
  'cmd.prompts.usage': 'prompts <cadence> | prompts off | prompts add <question>',
  'cmd.prompts.summary':
    'Send every member a reflection question on a cadence, e.g. “weekly fri 14:00”, at that time in their own time zone; “prompts add” adds a question of your own.',

  'reflection.vis.private': 'private',
  'reflection.vis.team': 'team',
  'reflection.vis.coordinator': 'leads and coordinators',
  'reflect.saved': 'Saved as {ref} in {community}.',
  'reflect.readers.private': 'Only you can read it.',
  'reflect.readers.team': 'The members and leads of {community} can read it; guests cannot.',
  'reflect.readers.coordinator': 'You, the leads of {community} and the school’s coordinators can read it.',
  'streak.line':
    '{count, plural, =0 {Your streak starts with your next reflection.} one {You have reflected # week in a row. Only you see this.} other {You have reflected # weeks in a row. Only you see this.}}',
  'reflect.form.title': 'Reflection · {community}',
  'reflect.form.visibility': 'Who can read it',
  'reflect.form.private': 'Only me',
  'reflect.form.team': 'My team (members and leads, not guests)',
  'reflect.form.coordinator': 'Leads and coordinators',
  'reflect.form.submit': 'Save',
  'reflect.channel.why':
    'You wrote that in a channel, where everyone reads it, so I saved nothing. Write your reflection here instead: only you see this chat.',
  'reflect.channel.refused': 'Reflections are not written in the channel: I saved nothing and sent you the form in our personal chat.',

  'reflections.title': '{count, plural, one {Your reflection (#)} other {Your reflections (#)}}',
  'reflections.channel.sent': 'Reflections are not shown in the channel, where everyone reads them: I sent them to our personal chat.',
  'reflections.none': 'You have not written a reflection yet. {command} opens the form with today’s question.',
  'reflections.line': '{ref} · {community} · {date} · {visibility}',
  'reflections.teamLine': '{ref} · {author} · {date} · {visibility}',
  'reflections.edited': 'edited',
  'reflections.teamTitle':
    '{count, plural, one {# reflection shared with you in {community}} other {# reflections shared with you in {community}}}',
  'reflections.teamNone': 'Nobody in {community} has shared a reflection that you may read.',
  'error.unknownReflection': 'You have no reflection {ref}.',
  'reflection.form.title': 'Edit {ref}',
  'reflection.form.text': 'Your reflection',
  'reflection.edited': '{ref} is changed; it keeps its date and shows that it was edited.',
  'reflection.deleted': '{ref} is deleted.',

  'prompts.cadence.weekly': 'every {weekday} at {time}',
  'prompts.cadence.biweekly': 'every other {weekday} at {time}',
  'prompts.cadence.monthly':
    '{ordinal, select, 1 {on the first} 2 {on the second} 3 {on the third} 4 {on the fourth} other {on the last}} {weekday} of the month at {time}',
  'prompts.done':
    'The members of {community} get a reflection question {cadence}, each at that time in their own time zone. Guests, and anyone paused or on a holiday, get none.',
  'prompts.status': 'The members of {community} get a reflection question {cadence}, in their own time zone.',
  'prompts.statusOff': '{community} sends no reflection questions. A lead starts them with {command}.',
  'prompts.ownQuestions':
    '{count, plural, =0 {No questions of the community’s own yet.} one {# question of the community’s own.} other {# questions of the community’s own.}}',
  'prompts.off': '{community} sends no more reflection questions.',
  'prompts.alreadyOff': '{community} sends no reflection questions.',
  'prompts.added': 'Added to the questions of {community}:',
  'prompts.addedLanguage': 'It is asked to members who read {language}, in turn with the other questions.',
  'prompts.language.en': 'English',
  'prompts.language.de': 'German',
  'prompts.language.da': 'Danish',
  'prompts.language.nl': 'Dutch',
  'prompts.language.ar': 'Arabic',

  'prompt.title':
    '{count, plural, one {A question for your reflection in {community}} other {A question for your reflection in {communities}}}',
  'prompt.answer': 'Write my reflection',
  'prompt.answerFor': 'Reflect for {community}',
  'prompt.how': 'Or type {command}. It stays private unless you choose to share it.',
  'nudge.text':
    '{count, plural, one {Yesterday’s question from {community} is still open, if you find a quiet moment. No pressure: I will not ask again.} other {Yesterday’s questions are still open, if you find a quiet moment. No pressure: I will not ask again.}}',
  'home.promptOpen': '{community} asks: {question}',

  'question.prerequisites':
    'What do your students need to know and be able to do before the next unit? What did you notice about it this week?',
  'question.nextGoal': 'What is your students’ next learning goal, and how did you make it clear to them?',
  'question.howWeKnow': 'How will you know that your students have reached that goal? What will you look for?',
  'question.notYet': 'What will you do for the students who have not learned it yet?',
  'question.already': 'What will you do for the students who have already learned it?',
  'question.worked': 'What worked well in your teaching this week, and why do you think it did?',
  'question.hard': 'What was hard this week? What would you like your colleagues’ help with?',
  'question.evidence': 'What evidence of student learning did you see this week?',
  'question.teamNext': 'What do we as a team need to learn next to help our students move forward?',

  'privacy.reflections.texts': 'Your reflections (private unless you share one with your team or with the leads and coordinators)',
  'privacy.reflections.prompts': 'The reflection questions sent to you, whether you answered them, and the pauses your streak rests over',
  'privacy.reflections.questions': 'Questions you add to your community’s question bank',
  'privacy.reflections.schedules': 'The prompt schedules you set for a community',
};

const de: Record<keyof typeof en, string> = {
  'help.group.reflections': 'Reflexionen',
  'cmd.reflect.usage': 'reflect [team|coordinator] <Text> | reflect',
  'cmd.reflect.summary':
    'Schreib eine Reflexion: Nur du liest sie, außer du sagst „team“ (Mitglieder und Leitung) oder „coordinator“ (Leitung und Koordination). Ohne Text öffnet sich ein Formular mit der Frage des Tages.',
  'cmd.reflections.usage': 'reflections [team] [page <n>]',
  'cmd.reflections.summary':
    'Zeigt deine eigenen Reflexionen, die neuesten zuerst; „reflections team“ zeigt die der anderen, die du lesen darfst.',
  'cmd.reflection.usage': 'reflection #n | reflection edit #n <Text> | reflection delete #n',
  'cmd.reflection.summary': 'Lies eine Reflexion ganz, oder ändere oder lösche eine deiner eigenen.',
  'cmd.prompts.usage': 'prompts <Rhythmus> | prompts off | prompts add <Frage>',
  'cmd.prompts.summary':
    'Schickt allen Mitgliedern regelmäßig eine Reflexionsfrage, z. B. „weekly fri 14:00“, zu dieser Uhrzeit in ihrer eigenen Zeitzone; „prompts add“ fügt eine eigene Frage hinzu.',

  'reflection.vis.private': 'privat',
  'reflection.vis.team': 'Team',
  'reflection.vis.coordinator': 'Leitung und Koordination',
  'reflect.saved': 'Gespeichert als {ref} in {community}.',
  'reflect.readers.private': 'Nur du kannst sie lesen.',
  'reflect.readers.team': 'Die Mitglieder und die Leitung von {community} können sie lesen, Gäste nicht.',
  'reflect.readers.coordinator': 'Du, die Leitung von {community} und die Koordination der Schule können sie lesen.',
  'streak.line':
    '{count, plural, =0 {Deine Serie beginnt mit deiner nächsten Reflexion.} one {Du hast # Woche in Folge reflektiert. Das siehst nur du.} other {Du hast # Wochen in Folge reflektiert. Das siehst nur du.}}',
  'reflect.form.title': 'Reflexion · {community}',
  'reflect.form.visibility': 'Wer sie lesen kann',
  'reflect.form.private': 'Nur ich',
  'reflect.form.team': 'Mein Team (Mitglieder und Leitung, keine Gäste)',
  'reflect.form.coordinator': 'Leitung und Koordination',
  'reflect.form.submit': 'Speichern',
  'reflect.channel.why':
    'Du hast das in einem Kanal geschrieben, den alle lesen, deshalb habe ich nichts gespeichert. Schreib deine Reflexion lieber hier: Diesen Chat siehst nur du.',
  'reflect.channel.refused':
    'Reflexionen werden nicht im Kanal geschrieben: Ich habe nichts gespeichert und dir das Formular in unseren persönlichen Chat geschickt.',

  'reflections.title': '{count, plural, one {Deine Reflexion (#)} other {Deine Reflexionen (#)}}',
  'reflections.channel.sent':
    'Reflexionen zeige ich nicht im Kanal, den alle lesen: Ich habe sie dir in unseren persönlichen Chat geschickt.',
  'reflections.none': 'Du hast noch keine Reflexion geschrieben. {command} öffnet das Formular mit der Frage des Tages.',
  'reflections.line': '{ref} · {community} · {date} · {visibility}',
  'reflections.teamLine': '{ref} · {author} · {date} · {visibility}',
  'reflections.edited': 'bearbeitet',
  'reflections.teamTitle':
    '{count, plural, one {# Reflexion in {community}, die mit dir geteilt wurde} other {# Reflexionen in {community}, die mit dir geteilt wurden}}',
  'reflections.teamNone': 'In {community} hat noch niemand eine Reflexion geteilt, die du lesen darfst.',
  'error.unknownReflection': 'Du hast keine Reflexion {ref}.',
  'reflection.form.title': '{ref} bearbeiten',
  'reflection.form.text': 'Deine Reflexion',
  'reflection.edited': '{ref} ist geändert; sie behält ihr Datum und zeigt, dass sie bearbeitet wurde.',
  'reflection.deleted': '{ref} ist gelöscht.',

  'prompts.cadence.weekly': 'jeden {weekday} um {time}',
  'prompts.cadence.biweekly': 'jeden zweiten {weekday} um {time}',
  'prompts.cadence.monthly':
    '{ordinal, select, 1 {am ersten} 2 {am zweiten} 3 {am dritten} 4 {am vierten} other {am letzten}} {weekday} des Monats um {time}',
  'prompts.done':
    'Die Mitglieder von {community} bekommen {cadence} eine Reflexionsfrage, jeweils zu dieser Uhrzeit in ihrer eigenen Zeitzone. Gäste und wer pausiert oder Ferien hat, bekommen keine.',
  'prompts.status': 'Die Mitglieder von {community} bekommen {cadence} eine Reflexionsfrage, in ihrer eigenen Zeitzone.',
  'prompts.statusOff': '{community} verschickt keine Reflexionsfragen. Die Leitung startet sie mit {command}.',
  'prompts.ownQuestions':
    '{count, plural, =0 {Noch keine eigenen Fragen der Gemeinschaft.} one {# eigene Frage der Gemeinschaft.} other {# eigene Fragen der Gemeinschaft.}}',
  'prompts.off': '{community} verschickt keine Reflexionsfragen mehr.',
  'prompts.alreadyOff': '{community} verschickt keine Reflexionsfragen.',
  'prompts.added': 'Zu den Fragen von {community} hinzugefügt:',
  'prompts.addedLanguage': 'Sie wird Mitgliedern gestellt, die {language} lesen, im Wechsel mit den anderen Fragen.',
  'prompts.language.en': 'Englisch',
  'prompts.language.de': 'Deutsch',
  'prompts.language.da': 'Dänisch',
  'prompts.language.nl': 'Niederländisch',
  'prompts.language.ar': 'Arabisch',

  'prompt.title':
    '{count, plural, one {Eine Frage für deine Reflexion in {community}} other {Eine Frage für deine Reflexion in {communities}}}',
  'prompt.answer': 'Reflexion schreiben',
  'prompt.answerFor': 'Reflexion für {community}',
  'prompt.how': 'Oder tippe {command}. Sie bleibt privat, außer du entscheidest dich, sie zu teilen.',
  'nudge.text':
    '{count, plural, one {Die Frage von gestern aus {community} ist noch offen, falls du einen ruhigen Moment findest. Kein Druck: Ich frage nicht noch einmal.} other {Die Fragen von gestern sind noch offen, falls du einen ruhigen Moment findest. Kein Druck: Ich frage nicht noch einmal.}}',
  'home.promptOpen': '{community} fragt: {question}',

  'question.prerequisites':
    'Was müssen deine Schülerinnen und Schüler vor der nächsten Einheit wissen und können? Was ist dir dazu diese Woche aufgefallen?',
  'question.nextGoal': 'Was ist das nächste Lernziel deiner Schülerinnen und Schüler, und wie hast du es ihnen klar gemacht?',
  'question.howWeKnow': 'Woran wirst du erkennen, dass deine Schülerinnen und Schüler dieses Ziel erreicht haben? Worauf achtest du?',
  'question.notYet': 'Was tust du für die Schülerinnen und Schüler, die es noch nicht gelernt haben?',
  'question.already': 'Was tust du für die Schülerinnen und Schüler, die es schon gelernt haben?',
  'question.worked': 'Was hat in deinem Unterricht diese Woche gut funktioniert, und warum, glaubst du?',
  'question.hard': 'Was war diese Woche schwierig? Wobei hättest du gern die Hilfe deiner Kolleginnen und Kollegen?',
  'question.evidence': 'Welche Belege für das Lernen deiner Schülerinnen und Schüler hast du diese Woche gesehen?',
  'question.teamNext': 'Was müssen wir als Team als Nächstes lernen, damit unsere Schülerinnen und Schüler weiterkommen?',

  'privacy.reflections.texts': 'Deine Reflexionen (privat, außer du teilst eine mit deinem Team oder mit Leitung und Koordination)',
  'privacy.reflections.prompts':
    'Die Reflexionsfragen, die du bekommen hast, ob du sie beantwortet hast, und die Pausen, die deine Serie nicht unterbrechen',
  'privacy.reflections.questions': 'Fragen, die du dem Fragenpool deiner Lerngemeinschaft hinzufügst',
  'privacy.reflections.schedules': 'Die Rhythmen für Reflexionsfragen, die du für eine Lerngemeinschaft festlegst',
};

const da: Record<keyof typeof en, string> = {
  'help.group.reflections': 'Refleksioner',
  'cmd.reflect.usage': 'reflect [team|coordinator] <tekst> | reflect',
  'cmd.reflect.summary':
    'Skriv en refleksion: Kun du læser den, medmindre du skriver “team” (medlemmer og ledere) eller “coordinator” (ledere og koordinatorer). Uden tekst åbner en formular med dagens spørgsmål.',
  'cmd.reflections.usage': 'reflections [team] [page <n>]',
  'cmd.reflections.summary': 'Viser dine egne refleksioner, de nyeste først; “reflections team” viser de andres, som du må læse.',
  'cmd.reflection.usage': 'reflection #n | reflection edit #n <tekst> | reflection delete #n',
  'cmd.reflection.summary': 'Læs en refleksion i sin helhed, eller ret eller slet en af dine egne.',
  'cmd.prompts.usage': 'prompts <rytme> | prompts off | prompts add <spørgsmål>',
  'cmd.prompts.summary':
    'Sender hvert medlem et refleksionsspørgsmål i en fast rytme, fx “weekly fri 14:00”, på det klokkeslæt i deres egen tidszone; “prompts add” tilføjer et eget spørgsmål.',

  'reflection.vis.private': 'privat',
  'reflection.vis.team': 'team',
  'reflection.vis.coordinator': 'ledere og koordinatorer',
  'reflect.saved': 'Gemt som {ref} i {community}.',
  'reflect.readers.private': 'Kun du kan læse den.',
  'reflect.readers.team': 'Medlemmerne og lederne af {community} kan læse den; gæster kan ikke.',
  'reflect.readers.coordinator': 'Du, lederne af {community} og skolens koordinatorer kan læse den.',
  'streak.line':
    '{count, plural, =0 {Din stime begynder med din næste refleksion.} one {Du har reflekteret # uge i træk. Det er kun dig, der ser det.} other {Du har reflekteret # uger i træk. Det er kun dig, der ser det.}}',
  'reflect.form.title': 'Refleksion · {community}',
  'reflect.form.visibility': 'Hvem kan læse den',
  'reflect.form.private': 'Kun mig',
  'reflect.form.team': 'Mit team (medlemmer og ledere, ikke gæster)',
  'reflect.form.coordinator': 'Ledere og koordinatorer',
  'reflect.form.submit': 'Gem',
  'reflect.channel.why':
    'Du skrev det i en kanal, hvor alle kan læse med, så jeg gemte ingenting. Skriv hellere din refleksion her: Det er kun dig, der ser denne chat.',
  'reflect.channel.refused': 'Refleksioner skrives ikke i kanalen: Jeg gemte ingenting og sendte dig formularen i vores personlige chat.',

  'reflections.title': '{count, plural, one {Din refleksion (#)} other {Dine refleksioner (#)}}',
  'reflections.channel.sent': 'Refleksioner vises ikke i kanalen, hvor alle kan læse med: Jeg sendte dem til vores personlige chat.',
  'reflections.none': 'Du har ikke skrevet en refleksion endnu. {command} åbner formularen med dagens spørgsmål.',
  'reflections.line': '{ref} · {community} · {date} · {visibility}',
  'reflections.teamLine': '{ref} · {author} · {date} · {visibility}',
  'reflections.edited': 'redigeret',
  'reflections.teamTitle':
    '{count, plural, one {# refleksion delt med dig i {community}} other {# refleksioner delt med dig i {community}}}',
  'reflections.teamNone': 'Ingen i {community} har delt en refleksion, som du må læse.',
  'error.unknownReflection': 'Du har ingen refleksion {ref}.',
  'reflection.form.title': 'Ret {ref}',
  'reflection.form.text': 'Din refleksion',
  'reflection.edited': '{ref} er rettet; den beholder sin dato og viser, at den er redigeret.',
  'reflection.deleted': '{ref} er slettet.',

  'prompts.cadence.weekly': 'hver {weekday} kl. {time}',
  'prompts.cadence.biweekly': 'hver anden {weekday} kl. {time}',
  'prompts.cadence.monthly':
    '{ordinal, select, 1 {den første} 2 {den anden} 3 {den tredje} 4 {den fjerde} other {den sidste}} {weekday} i måneden kl. {time}',
  'prompts.done':
    'Medlemmerne af {community} får et refleksionsspørgsmål {cadence}, hver på det klokkeslæt i deres egen tidszone. Gæster, og den der holder pause eller ferie, får ingen.',
  'prompts.status': 'Medlemmerne af {community} får et refleksionsspørgsmål {cadence}, i deres egen tidszone.',
  'prompts.statusOff': '{community} sender ingen refleksionsspørgsmål. En leder starter dem med {command}.',
  'prompts.ownQuestions':
    '{count, plural, =0 {Fællesskabet har ingen egne spørgsmål endnu.} one {# eget spørgsmål fra fællesskabet.} other {# egne spørgsmål fra fællesskabet.}}',
  'prompts.off': '{community} sender ikke flere refleksionsspørgsmål.',
  'prompts.alreadyOff': '{community} sender ingen refleksionsspørgsmål.',
  'prompts.added': 'Tilføjet til spørgsmålene i {community}:',
  'prompts.addedLanguage': 'Det stilles til medlemmer, der læser {language}, på skift med de andre spørgsmål.',
  'prompts.language.en': 'engelsk',
  'prompts.language.de': 'tysk',
  'prompts.language.da': 'dansk',
  'prompts.language.nl': 'nederlandsk',
  'prompts.language.ar': 'arabisk',

  'prompt.title':
    '{count, plural, one {Et spørgsmål til din refleksion i {community}} other {Et spørgsmål til din refleksion i {communities}}}',
  'prompt.answer': 'Skriv min refleksion',
  'prompt.answerFor': 'Reflektér for {community}',
  'prompt.how': 'Eller skriv {command}. Den forbliver privat, medmindre du vælger at dele den.',
  'nudge.text':
    '{count, plural, one {Gårsdagens spørgsmål fra {community} står stadig åbent, hvis du finder et roligt øjeblik. Intet pres: Jeg spørger ikke igen.} other {Gårsdagens spørgsmål står stadig åbne, hvis du finder et roligt øjeblik. Intet pres: Jeg spørger ikke igen.}}',
  'home.promptOpen': '{community} spørger: {question}',

  'question.prerequisites': 'Hvad skal dine elever vide og kunne før det næste forløb? Hvad lagde du mærke til om det i denne uge?',
  'question.nextGoal': 'Hvad er dine elevers næste læringsmål, og hvordan gjorde du det tydeligt for dem?',
  'question.howWeKnow': 'Hvordan vil du vide, at dine elever har nået det mål? Hvad vil du kigge efter?',
  'question.notYet': 'Hvad vil du gøre for de elever, der ikke har lært det endnu?',
  'question.already': 'Hvad vil du gøre for de elever, der allerede har lært det?',
  'question.worked': 'Hvad fungerede godt i din undervisning i denne uge, og hvorfor tror du, det gjorde?',
  'question.hard': 'Hvad var svært i denne uge? Hvad vil du gerne have dine kollegers hjælp til?',
  'question.evidence': 'Hvilke tegn på elevernes læring så du i denne uge?',
  'question.teamNext': 'Hvad skal vi som team lære nu for at hjælpe vores elever videre?',

  'privacy.reflections.texts': 'Dine refleksioner (private, medmindre du deler en med dit team eller med ledere og koordinatorer)',
  'privacy.reflections.prompts': 'De refleksionsspørgsmål, du har fået, om du har svaret på dem, og de pauser, din stime ikke brydes af',
  'privacy.reflections.questions': 'Spørgsmål, du føjer til dit fællesskabs spørgsmålsbank',
  'privacy.reflections.schedules': 'Den rytme for refleksionsspørgsmål, du sætter for et fællesskab',
};

const nl: Record<keyof typeof en, string> = {
  'help.group.reflections': 'Reflecties',
  'cmd.reflect.usage': 'reflect [team|coordinator] <tekst> | reflect',
  'cmd.reflect.summary':
    'Schrijf een reflectie: alleen jij leest die, tenzij je “team” (leden en leiders) of “coordinator” (leiders en coördinatoren) zegt. Zonder tekst opent een formulier met de vraag van de dag.',
  'cmd.reflections.usage': 'reflections [team] [page <n>]',
  'cmd.reflections.summary': 'Toont je eigen reflecties, de nieuwste eerst; “reflections team” toont die van anderen die jij mag lezen.',
  'cmd.reflection.usage': 'reflection #n | reflection edit #n <tekst> | reflection delete #n',
  'cmd.reflection.summary': 'Lees één reflectie helemaal, of wijzig of verwijder een van je eigen.',
  'cmd.prompts.usage': 'prompts <ritme> | prompts off | prompts add <vraag>',
  'cmd.prompts.summary':
    'Stuurt elk lid volgens een vast ritme een reflectievraag, bijv. “weekly fri 14:00”, op dat tijdstip in de eigen tijdzone; “prompts add” voegt een eigen vraag toe.',

  'reflection.vis.private': 'privé',
  'reflection.vis.team': 'team',
  'reflection.vis.coordinator': 'leiders en coördinatoren',
  'reflect.saved': 'Opgeslagen als {ref} in {community}.',
  'reflect.readers.private': 'Alleen jij kunt hem lezen.',
  'reflect.readers.team': 'De leden en leiders van {community} kunnen hem lezen; gasten niet.',
  'reflect.readers.coordinator': 'Jij, de leiders van {community} en de coördinatoren van de school kunnen hem lezen.',
  'streak.line':
    '{count, plural, =0 {Je reeks begint bij je volgende reflectie.} one {Je hebt # week op rij gereflecteerd. Alleen jij ziet dit.} other {Je hebt # weken op rij gereflecteerd. Alleen jij ziet dit.}}',
  'reflect.form.title': 'Reflectie · {community}',
  'reflect.form.visibility': 'Wie kan hem lezen',
  'reflect.form.private': 'Alleen ik',
  'reflect.form.team': 'Mijn team (leden en leiders, geen gasten)',
  'reflect.form.coordinator': 'Leiders en coördinatoren',
  'reflect.form.submit': 'Opslaan',
  'reflect.channel.why':
    'Je schreef dat in een kanaal, waar iedereen meeleest, dus ik heb niets opgeslagen. Schrijf je reflectie liever hier: alleen jij ziet deze chat.',
  'reflect.channel.refused':
    'Reflecties schrijf je niet in het kanaal: ik heb niets opgeslagen en je het formulier in onze persoonlijke chat gestuurd.',

  'reflections.title': '{count, plural, one {Je reflectie (#)} other {Je reflecties (#)}}',
  'reflections.channel.sent':
    'Reflecties laat ik niet zien in het kanaal, waar iedereen meeleest: ik heb ze naar onze persoonlijke chat gestuurd.',
  'reflections.none': 'Je hebt nog geen reflectie geschreven. {command} opent het formulier met de vraag van de dag.',
  'reflections.line': '{ref} · {community} · {date} · {visibility}',
  'reflections.teamLine': '{ref} · {author} · {date} · {visibility}',
  'reflections.edited': 'bewerkt',
  'reflections.teamTitle':
    '{count, plural, one {# reflectie met jou gedeeld in {community}} other {# reflecties met jou gedeeld in {community}}}',
  'reflections.teamNone': 'Niemand in {community} heeft een reflectie gedeeld die jij mag lezen.',
  'error.unknownReflection': 'Je hebt geen reflectie {ref}.',
  'reflection.form.title': '{ref} bewerken',
  'reflection.form.text': 'Je reflectie',
  'reflection.edited': '{ref} is gewijzigd; hij houdt zijn datum en laat zien dat hij bewerkt is.',
  'reflection.deleted': '{ref} is verwijderd.',

  'prompts.cadence.weekly': 'elke {weekday} om {time}',
  'prompts.cadence.biweekly': 'om de week op {weekday} om {time}',
  'prompts.cadence.monthly':
    '{ordinal, select, 1 {op de eerste} 2 {op de tweede} 3 {op de derde} 4 {op de vierde} other {op de laatste}} {weekday} van de maand om {time}',
  'prompts.done':
    'De leden van {community} krijgen {cadence} een reflectievraag, ieder op dat tijdstip in de eigen tijdzone. Gasten, en wie gepauzeerd is of vakantie heeft, krijgen er geen.',
  'prompts.status': 'De leden van {community} krijgen {cadence} een reflectievraag, in hun eigen tijdzone.',
  'prompts.statusOff': '{community} stuurt geen reflectievragen. Een leider start ze met {command}.',
  'prompts.ownQuestions':
    '{count, plural, =0 {Nog geen eigen vragen van de gemeenschap.} one {# eigen vraag van de gemeenschap.} other {# eigen vragen van de gemeenschap.}}',
  'prompts.off': '{community} stuurt geen reflectievragen meer.',
  'prompts.alreadyOff': '{community} stuurt geen reflectievragen.',
  'prompts.added': 'Toegevoegd aan de vragen van {community}:',
  'prompts.addedLanguage': 'Hij wordt gesteld aan leden die {language} lezen, afwisselend met de andere vragen.',
  'prompts.language.en': 'Engels',
  'prompts.language.de': 'Duits',
  'prompts.language.da': 'Deens',
  'prompts.language.nl': 'Nederlands',
  'prompts.language.ar': 'Arabisch',

  'prompt.title': '{count, plural, one {Een vraag voor je reflectie in {community}} other {Een vraag voor je reflectie in {communities}}}',
  'prompt.answer': 'Mijn reflectie schrijven',
  'prompt.answerFor': 'Reflecteren voor {community}',
  'prompt.how': 'Of typ {command}. Hij blijft privé, tenzij je ervoor kiest hem te delen.',
  'nudge.text':
    '{count, plural, one {De vraag van gisteren uit {community} staat nog open, als je een rustig moment vindt. Geen druk: ik vraag het niet nog eens.} other {De vragen van gisteren staan nog open, als je een rustig moment vindt. Geen druk: ik vraag het niet nog eens.}}',
  'home.promptOpen': '{community} vraagt: {question}',

  'question.prerequisites': 'Wat moeten je leerlingen weten en kunnen voor de volgende lessenreeks? Wat viel je daarover deze week op?',
  'question.nextGoal': 'Wat is het volgende leerdoel van je leerlingen, en hoe heb je het voor hen duidelijk gemaakt?',
  'question.howWeKnow': 'Hoe ga je zien dat je leerlingen dat doel hebben bereikt? Waar let je op?',
  'question.notYet': 'Wat doe je voor de leerlingen die het nog niet beheersen?',
  'question.already': 'Wat doe je voor de leerlingen die het al beheersen?',
  'question.worked': 'Wat werkte deze week goed in je lessen, en waarom denk je dat het werkte?',
  'question.hard': 'Wat was deze week lastig? Waarbij zou je graag hulp van je collega’s krijgen?',
  'question.evidence': 'Welk bewijs van het leren van je leerlingen heb je deze week gezien?',
  'question.teamNext': 'Wat moeten wij als team nu leren om onze leerlingen verder te helpen?',

  'privacy.reflections.texts': 'Je reflecties (privé, tenzij je er een deelt met je team of met de leiders en coördinatoren)',
  'privacy.reflections.prompts': 'De reflectievragen die je kreeg, of je ze beantwoordde, en de pauzes die je reeks niet onderbreken',
  'privacy.reflections.questions': 'Vragen die je toevoegt aan de vragenbank van je leergemeenschap',
  'privacy.reflections.schedules': 'Het ritme voor reflectievragen dat je voor een leergemeenschap instelt',
};

const ar: Record<keyof typeof en, string> = {
  'help.group.reflections': 'التأملات',
  'cmd.reflect.usage': 'reflect [team|coordinator] <النص> | reflect',
  'cmd.reflect.summary':
    'اكتب تأملًا: لا يقرؤه أحد غيرك، إلا إذا كتبت «team» (الأعضاء والقادة) أو «coordinator» (القادة والمنسقون). ومن دون نص يُفتح نموذج فيه سؤال اليوم.',
  'cmd.reflections.usage': 'reflections [team] [page <n>]',
  'cmd.reflections.summary': 'اعرض تأملاتك، الأحدث أولًا؛ والأمر «reflections team» يعرض تأملات الآخرين التي يحق لك قراءتها.',
  'cmd.reflection.usage': 'reflection #n | reflection edit #n <النص> | reflection delete #n',
  'cmd.reflection.summary': 'اقرأ تأملًا كاملًا، أو عدّل أحد تأملاتك أو احذفه.',
  'cmd.prompts.usage': 'prompts <الإيقاع> | prompts off | prompts add <السؤال>',
  'cmd.prompts.summary':
    'أرسل إلى كل عضو سؤالًا للتأمل بإيقاع منتظم، مثل «weekly fri 14:00»، في ذلك الوقت بحسب منطقته الزمنية؛ والأمر «prompts add» يضيف سؤالًا خاصًا بكم.',

  'reflection.vis.private': 'خاص',
  'reflection.vis.team': 'الفريق',
  'reflection.vis.coordinator': 'القادة والمنسقون',
  'reflect.saved': 'حُفظ برقم {ref} في {community}.',
  'reflect.readers.private': 'لا يقرؤه أحد غيرك.',
  'reflect.readers.team': 'يقرؤه أعضاء {community} وقادته، ولا يقرؤه الضيوف.',
  'reflect.readers.coordinator': 'تقرؤه أنت وقادة {community} ومنسقو المدرسة.',
  'streak.line':
    '{count, plural, zero {تبدأ سلسلتك مع تأملك القادم.} one {تأملت أسبوعًا واحدًا على التوالي. لا يرى هذا أحد غيرك.} two {تأملت أسبوعين على التوالي. لا يرى هذا أحد غيرك.} few {تأملت # أسابيع على التوالي. لا يرى هذا أحد غيرك.} many {تأملت # أسبوعًا على التوالي. لا يرى هذا أحد غيرك.} other {تأملت # أسبوع على التوالي. لا يرى هذا أحد غيرك.}}',
  'reflect.form.title': 'تأمل · {community}',
  'reflect.form.visibility': 'من يستطيع قراءته',
  'reflect.form.private': 'أنا فقط',
  'reflect.form.team': 'فريقي (الأعضاء والقادة، دون الضيوف)',
  'reflect.form.coordinator': 'القادة والمنسقون',
  'reflect.form.submit': 'حفظ',
  'reflect.channel.why': 'كتبت ذلك في قناة يقرؤها الجميع، فلم أحفظ شيئًا. اكتب تأملك هنا بدلًا من ذلك: لا يرى هذه المحادثة أحد غيرك.',
  'reflect.channel.refused': 'لا تُكتب التأملات في القناة: لم أحفظ شيئًا، وأرسلت إليك النموذج في محادثتنا الخاصة.',

  'reflections.title':
    '{count, plural, zero {تأملاتك (#)} one {تأملك (#)} two {تأملاك (#)} few {تأملاتك (#)} many {تأملاتك (#)} other {تأملاتك (#)}}',
  'reflections.channel.sent': 'لا أعرض التأملات في القناة التي يقرؤها الجميع: أرسلتها إليك في محادثتنا الخاصة.',
  'reflections.none': 'لم تكتب أي تأمل بعد. الأمر {command} يفتح النموذج مع سؤال اليوم.',
  'reflections.line': '{ref} · {community} · {date} · {visibility}',
  'reflections.teamLine': '{ref} · {author} · {date} · {visibility}',
  'reflections.edited': 'معدَّل',
  'reflections.teamTitle':
    '{count, plural, zero {لا تأملات مشتركة معك في {community}} one {تأمل واحد مشترك معك في {community}} two {تأملان مشتركان معك في {community}} few {# تأملات مشتركة معك في {community}} many {# تأملًا مشتركًا معك في {community}} other {# تأمل مشترك معك في {community}}}',
  'reflections.teamNone': 'لم يشارك أحد في {community} تأملًا يحق لك قراءته.',
  'error.unknownReflection': 'ليس لديك تأمل برقم {ref}.',
  'reflection.form.title': 'تعديل {ref}',
  'reflection.form.text': 'تأملك',
  'reflection.edited': 'عُدّل {ref}؛ ويبقى تاريخه كما هو مع إشارة إلى أنه معدَّل.',
  'reflection.deleted': 'حُذف {ref}.',

  'prompts.cadence.weekly': 'كل يوم {weekday} في الساعة {time}',
  'prompts.cadence.biweekly': 'يوم {weekday} مرة كل أسبوعين في الساعة {time}',
  'prompts.cadence.monthly':
    'يوم {weekday} {ordinal, select, 1 {الأول} 2 {الثاني} 3 {الثالث} 4 {الرابع} other {الأخير}} من كل شهر في الساعة {time}',
  'prompts.done':
    'يتلقى أعضاء {community} سؤالًا للتأمل {cadence}، كلٌّ في ذلك الوقت بحسب منطقته الزمنية. ولا يتلقاه الضيوف ولا من أوقف الرسائل مؤقتًا أو كان في عطلة.',
  'prompts.status': 'يتلقى أعضاء {community} سؤالًا للتأمل {cadence}، بحسب منطقتهم الزمنية.',
  'prompts.statusOff': 'لا يرسل {community} أسئلة للتأمل. يبدؤها القائد بالأمر {command}.',
  'prompts.ownQuestions':
    '{count, plural, zero {لا أسئلة خاصة بالمجتمع بعد.} one {سؤال واحد خاص بالمجتمع.} two {سؤالان خاصان بالمجتمع.} few {# أسئلة خاصة بالمجتمع.} many {# سؤالًا خاصًا بالمجتمع.} other {# سؤال خاص بالمجتمع.}}',
  'prompts.off': 'لن يرسل {community} أسئلة للتأمل بعد الآن.',
  'prompts.alreadyOff': 'لا يرسل {community} أسئلة للتأمل.',
  'prompts.added': 'أُضيف إلى أسئلة {community}:',
  'prompts.addedLanguage': 'يُطرح على الأعضاء الذين يقرؤون {language}، بالتناوب مع الأسئلة الأخرى.',
  'prompts.language.en': 'الإنجليزية',
  'prompts.language.de': 'الألمانية',
  'prompts.language.da': 'الدنماركية',
  'prompts.language.nl': 'الهولندية',
  'prompts.language.ar': 'العربية',

  'prompt.title':
    '{count, plural, zero {سؤال لتأملك في {communities}} one {سؤال لتأملك في {community}} two {سؤال لتأملك في {communities}} few {سؤال لتأملك في {communities}} many {سؤال لتأملك في {communities}} other {سؤال لتأملك في {communities}}}',
  'prompt.answer': 'اكتب تأملي',
  'prompt.answerFor': 'تأمل لـ {community}',
  'prompt.how': 'أو اكتب {command}. يبقى خاصًا إلا إذا اخترت أن تشاركه.',
  'nudge.text':
    '{count, plural, zero {أسئلة الأمس ما زالت مفتوحة، إن وجدت لحظة هادئة. لا داعي للعجلة: لن أسأل مرة أخرى.} one {سؤال الأمس من {community} ما زال مفتوحًا، إن وجدت لحظة هادئة. لا داعي للعجلة: لن أسأل مرة أخرى.} two {أسئلة الأمس ما زالت مفتوحة، إن وجدت لحظة هادئة. لا داعي للعجلة: لن أسأل مرة أخرى.} few {أسئلة الأمس ما زالت مفتوحة، إن وجدت لحظة هادئة. لا داعي للعجلة: لن أسأل مرة أخرى.} many {أسئلة الأمس ما زالت مفتوحة، إن وجدت لحظة هادئة. لا داعي للعجلة: لن أسأل مرة أخرى.} other {أسئلة الأمس ما زالت مفتوحة، إن وجدت لحظة هادئة. لا داعي للعجلة: لن أسأل مرة أخرى.}}',
  'home.promptOpen': 'يسأل {community}: {question}',

  'question.prerequisites': 'ما الذي يحتاج طلابك إلى معرفته والقدرة عليه قبل الوحدة القادمة؟ وماذا لاحظت في ذلك هذا الأسبوع؟',
  'question.nextGoal': 'ما هدف التعلم التالي لطلابك، وكيف أوضحته لهم؟',
  'question.howWeKnow': 'كيف ستعرف أن طلابك بلغوا ذلك الهدف؟ وما الذي ستبحث عنه؟',
  'question.notYet': 'ماذا ستفعل للطلاب الذين لم يتعلموه بعد؟',
  'question.already': 'ماذا ستفعل للطلاب الذين تعلموه بالفعل؟',
  'question.worked': 'ما الذي نجح في تدريسك هذا الأسبوع، ولماذا تظن أنه نجح؟',
  'question.hard': 'ما الذي كان صعبًا هذا الأسبوع؟ وفي أي شيء تود أن يساعدك زملاؤك؟',
  'question.evidence': 'ما الأدلة على تعلم الطلاب التي رأيتها هذا الأسبوع؟',
  'question.teamNext': 'ما الذي نحتاج نحن الفريق إلى تعلمه الآن لنساعد طلابنا على التقدم؟',

  'privacy.reflections.texts': 'تأملاتك (خاصة بك ما لم تشارك أحدها مع فريقك أو مع القادة والمنسقين)',
  'privacy.reflections.prompts': 'أسئلة التأمل التي أُرسلت إليك، وهل أجبت عنها، وفترات التوقف التي لا تنقطع بها سلسلتك',
  'privacy.reflections.questions': 'الأسئلة التي تضيفها إلى بنك أسئلة مجتمعك',
  'privacy.reflections.schedules': 'إيقاع أسئلة التأمل الذي تحدده لمجتمع ما',
};

export const messages = defineMessages({ en, de, da, nl, ar });
