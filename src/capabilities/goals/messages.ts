import { defineMessages } from '../../i18n/define.js';

/** Goals at three levels and their check-ins. */
const en = {
  'help.group.goals': 'Goals and check-ins',
  'cmd.goal.usage':
    'goal add [me|team|school] [due YYYY-MM-DD] [aligns #n] <text> | goal close #n achieved|dropped [note] | goal align #n #m|none',
  'cmd.goal.summary':
    'Set a goal for yourself, your team or (coordinators) the school, aligned one level up; close it when it is achieved or dropped.',
  'cmd.goals.usage': 'goals [page <n>]',
  'cmd.goals.summary': 'List the goals you own or share in, with their latest check-in and what they align to.',
  'cmd.checkin.usage': 'checkin #n on-track|at-risk|off-track [NN%] [evidence] | checkin #n',
  'cmd.checkin.summary': 'Say how a goal is going, with progress and the evidence of student learning; “checkin #n” opens the form.',
  'cmd.checkins.usage': 'checkins [school] <cadence> | checkins [school] off',
  'cmd.checkins.summary':
    'Ask the owners of open goals to check in on a cadence, each at that time in their own time zone (leads; “school” for coordinators).',

  'goal.status.on-track': 'on track',
  'goal.status.at-risk': 'at risk',
  'goal.status.off-track': 'off track',
  'goal.title': '{ref} ({level, select, me {mine} team {team} other {school}}) {text}',
  'goal.closedLine': '{outcome, select, achieved {achieved} other {dropped}} on {date}',
  'goal.noCheckinYet': 'no check-in yet',
  'goal.lastCheckin': '{status}{hasPercent, select, yes {, {percent}%} other {}} ({date})',
  'goal.dueShort': 'due {date}',
  'goal.chainPart': '{level, select, team {team} other {school}} {ref} “{text}”',
  'goal.chain': 'Aligned: {chain}',
  'goal.chainArrow': '←',
  'goal.added':
    '{level, select, me {Your goal} team {Team goal} other {School goal}} {ref} is set{level, select, school {} other { in {community}}}: {text}',
  'goal.readers':
    '{level, select, me {Only you can see it.} team {The members and leads of {community} can see it; guests cannot.} other {Everyone who takes part in the school’s communities can see it; guests cannot.}}',
  'goal.due': 'Due: {date}.',
  'goal.alignedTo': 'It aligns to {ref}: {text}',
  'goal.unaligned': '{ref} no longer aligns to another goal.',
  'goal.realigned': '{ref} now aligns to {to}: {text}',
  'goal.closed': '{ref} is closed as {outcome, select, achieved {achieved. Well done!} other {dropped.}} {text}',
  'goals.none': 'You have no goals yet. Set one with {command}.',
  'goals.title': 'Your goals ({count})',

  'checkin.form.title': 'Check in on {ref}',
  'checkin.form.status': 'How is it going?',
  'checkin.form.percent': 'Progress, 0–100 %',
  'checkin.form.evidence': 'Evidence of student learning',
  'checkin.form.submit': 'Check in',
  'checkin.button': 'Check in on {ref}',
  'checkin.done': 'Checked in on {ref}: {status}{hasPercent, select, yes {, {percent}%} other {}}.',
  'checkin.readers':
    '{level, select, me {Only you can see it.} team {The members and leads of the team can see it.} other {Everyone who takes part in the school’s communities can see it.}}',
  'checkin.private':
    'Evidence is private until you choose where it goes, so I did not keep what you typed in the channel. Check in on {ref} here:',
  'checkin.privateChannel': 'Evidence belongs in a private check-in, not in a channel post: I sent you the form in our personal chat.',

  'checkins.done':
    '{scope, select, school {The school’s goals} other {The goals of {community}}}: I will ask for check-ins {cadence}, at that time in each person’s own time zone.',
  'checkins.first': 'The first ask goes out on {date}.',
  'checkins.off': '{scope, select, school {The school’s goals} other {The goals of {community}}}: I will ask for no more check-ins.',
  'checkins.alreadyOff': '{scope, select, school {The school’s goals have} other {{community} has}} no check-in schedule.',

  'goals.ask.title': 'Time to check in on your goals in {community}',
  'goals.ask.titleSchool': 'Time to check in on the school’s goals',
  'goals.attention.quiet': 'Team goal {ref} “{text}” has had no check-in since {date}.',
  'goals.attention.never': 'Team goal {ref} “{text}” has had no check-in since it was set on {date}.',
  'goals.home.overdue': '{count, plural, one {# goal is waiting for a check-in:} other {# goals are waiting for a check-in:}}',
  'goals.home.quiet': '{ref} {text} (last check-in {date})',
  'goals.home.never': '{ref} {text} (set on {date}, no check-in yet)',

  'error.unknownGoal': 'There is no goal {ref} that you can see. “goals” lists yours.',
  'error.schoolGoalsCoordinators': 'Only coordinators set school goals and their check-in schedule.',
  'error.schoolGoalCoordinators': '{ref} is a school goal: only coordinators check in on it, close it or change what it aligns to.',
  'error.teamGoalStewards': 'Only a lead of the team, a coordinator or the teacher who set {ref} can do that.',
  'error.goalCycle': '{ref} already aligns, through its chain, to this goal: aligning them would make a circle.',
  'error.goalWrongLevel':
    '{ref} is not a {wanted, select, team {team} other {school}} goal: {level, select, me {your goal aligns to a team goal} other {a team goal aligns to a school goal}}.',
  'error.schoolGoalAligns': 'A school goal is the top of the plan: it aligns to no other goal.',
  'error.alignSchoolLeads': 'Only a lead of the team or a coordinator can align a team goal to school goal {ref}.',
  'error.goalClosed':
    '{ref} was closed as {outcome, select, achieved {achieved} other {dropped}} on {date}; only open goals take check-ins and changes.',
  'error.checkinStatus': '“{value}” is not a status: write on-track, at-risk or off-track.',
  'error.badPercent': '“{value}” is not a progress figure: write a whole number from 0 to 100, like 60%.',

  'privacy.goals.own': 'Your individual goals and your check-ins on them',
  'privacy.goals.teamCheckins': 'Your check-ins on team goals: on track or not, and how far along',
  'privacy.goals.schoolCheckins': 'Your check-ins on school goals (coordinators): on track or not, and how far along',
  'privacy.goals.evidence': 'The evidence of student learning you add to a check-in, read along with its goal',
  'privacy.goals.team': 'The team goals you set or closed',
  'privacy.goals.school': 'The school goals you set or closed (coordinators)',
  'privacy.goals.schedules': 'The check-in schedules you set for a team or the school',
};

const de: Record<keyof typeof en, string> = {
  'help.group.goals': 'Ziele und Zwischenstände',
  'cmd.goal.usage':
    'goal add [me|team|school] [due JJJJ-MM-TT] [aligns #n] <Text> | goal close #n achieved|dropped [Notiz] | goal align #n #m|none',
  'cmd.goal.summary':
    'Setzt ein Ziel für dich, dein Team oder (Koordination) die Schule, ausgerichtet auf die Ebene darüber; schließt es, wenn es erreicht ist oder aufgegeben wird.',
  'cmd.goals.usage': 'goals [page <n>]',
  'cmd.goals.summary': 'Zeigt die Ziele, die dir gehören oder die du teilst, mit dem letzten Zwischenstand und ihrer Ausrichtung.',
  'cmd.checkin.usage': 'checkin #n on-track|at-risk|off-track [NN%] [Beleg] | checkin #n',
  'cmd.checkin.summary':
    'Sag, wie es um ein Ziel steht, mit Fortschritt und Belegen für das Lernen der Schüler; „checkin #n“ öffnet das Formular.',
  'cmd.checkins.usage': 'checkins [school] <Rhythmus> | checkins [school] off',
  'cmd.checkins.summary':
    'Fragt die Verantwortlichen offener Ziele in einem Rhythmus nach dem Zwischenstand, jeweils zu dieser Uhrzeit in ihrer eigenen Zeitzone (Leitung; „school“ für die Koordination).',

  'goal.status.on-track': 'auf Kurs',
  'goal.status.at-risk': 'gefährdet',
  'goal.status.off-track': 'nicht auf Kurs',
  'goal.title': '{ref} ({level, select, me {meins} team {Team} other {Schule}}) {text}',
  'goal.closedLine': '{outcome, select, achieved {erreicht} other {aufgegeben}} am {date}',
  'goal.noCheckinYet': 'noch kein Zwischenstand',
  'goal.lastCheckin': '{status}{hasPercent, select, yes {, {percent} %} other {}} ({date})',
  'goal.dueShort': 'fällig am {date}',
  'goal.chainPart': '{level, select, team {Team} other {Schule}} {ref} „{text}“',
  'goal.chain': 'Ausgerichtet: {chain}',
  'goal.chainArrow': '←',
  'goal.added':
    '{level, select, me {Dein Ziel} team {Teamziel} other {Schulziel}} {ref} ist gesetzt{level, select, school {} other { in {community}}}: {text}',
  'goal.readers':
    '{level, select, me {Nur du siehst es.} team {Die Mitglieder und die Leitung von {community} sehen es, Gäste nicht.} other {Alle, die in den Lerngemeinschaften der Schule mitarbeiten, sehen es, Gäste nicht.}}',
  'goal.due': 'Fällig am {date}.',
  'goal.alignedTo': 'Es ist ausgerichtet auf {ref}: {text}',
  'goal.unaligned': '{ref} ist auf kein anderes Ziel mehr ausgerichtet.',
  'goal.realigned': '{ref} ist jetzt ausgerichtet auf {to}: {text}',
  'goal.closed': '{ref} ist abgeschlossen: {outcome, select, achieved {erreicht. Glückwunsch!} other {aufgegeben.}} {text}',
  'goals.none': 'Du hast noch keine Ziele. Setz eines mit {command}.',
  'goals.title': 'Deine Ziele ({count})',

  'checkin.form.title': 'Zwischenstand zu {ref}',
  'checkin.form.status': 'Wie läuft es?',
  'checkin.form.percent': 'Fortschritt, 0–100 %',
  'checkin.form.evidence': 'Belege für das Lernen der Schüler',
  'checkin.form.submit': 'Eintragen',
  'checkin.button': 'Zwischenstand zu {ref}',
  'checkin.done': 'Zwischenstand zu {ref} eingetragen: {status}{hasPercent, select, yes {, {percent} %} other {}}.',
  'checkin.readers':
    '{level, select, me {Nur du siehst ihn.} team {Die Mitglieder und die Leitung des Teams sehen ihn.} other {Alle, die in den Lerngemeinschaften der Schule mitarbeiten, sehen ihn.}}',
  'checkin.private':
    'Belege bleiben privat, bis du entscheidest, wohin sie gehen; was du im Kanal geschrieben hast, habe ich deshalb nicht gespeichert. Trag den Zwischenstand zu {ref} hier ein:',
  'checkin.privateChannel':
    'Belege gehören in einen privaten Zwischenstand, nicht in einen Kanalbeitrag: Ich habe dir das Formular in unserem persönlichen Chat geschickt.',

  'checkins.done':
    '{scope, select, school {Die Ziele der Schule} other {Die Ziele von {community}}}: Ich frage {cadence} nach dem Zwischenstand, zu dieser Uhrzeit in der Zeitzone jeder Person.',
  'checkins.first': 'Die erste Nachfrage kommt am {date}.',
  'checkins.off':
    '{scope, select, school {Die Ziele der Schule} other {Die Ziele von {community}}}: Ich frage nicht mehr nach Zwischenständen.',
  'checkins.alreadyOff':
    '{scope, select, school {Für die Ziele der Schule} other {Für {community}}} gibt es keinen Rhythmus für Zwischenstände.',

  'goals.ask.title': 'Zeit für einen Zwischenstand zu deinen Zielen in {community}',
  'goals.ask.titleSchool': 'Zeit für einen Zwischenstand zu den Zielen der Schule',
  'goals.attention.quiet': 'Teamziel {ref} „{text}“ hat seit dem {date} keinen Zwischenstand.',
  'goals.attention.never': 'Teamziel {ref} „{text}“ hat seit es am {date} gesetzt wurde keinen Zwischenstand.',
  'goals.home.overdue': '{count, plural, one {# Ziel wartet auf einen Zwischenstand:} other {# Ziele warten auf einen Zwischenstand:}}',
  'goals.home.quiet': '{ref} {text} (letzter Zwischenstand am {date})',
  'goals.home.never': '{ref} {text} (gesetzt am {date}, noch kein Zwischenstand)',

  'error.unknownGoal': 'Es gibt kein Ziel {ref}, das du sehen kannst. „goals“ zeigt deine.',
  'error.schoolGoalsCoordinators': 'Nur die Koordination setzt Schulziele und ihren Rhythmus für Zwischenstände.',
  'error.schoolGoalCoordinators':
    '{ref} ist ein Schulziel: Nur die Koordination trägt Zwischenstände ein, schließt es oder ändert seine Ausrichtung.',
  'error.teamGoalStewards': 'Das kann nur die Leitung des Teams, die Koordination oder die Lehrkraft, die {ref} gesetzt hat.',
  'error.goalCycle': '{ref} ist über seine Kette schon auf dieses Ziel ausgerichtet: Beide aufeinander auszurichten ergäbe einen Kreis.',
  'error.goalWrongLevel':
    '{ref} ist kein {wanted, select, team {Teamziel} other {Schulziel}}: {level, select, me {Dein Ziel richtet sich auf ein Teamziel aus} other {Ein Teamziel richtet sich auf ein Schulziel aus}}.',
  'error.schoolGoalAligns': 'Ein Schulziel steht ganz oben im Plan: Es richtet sich auf kein anderes Ziel aus.',
  'error.alignSchoolLeads': 'Nur die Leitung des Teams oder die Koordination kann ein Teamziel auf das Schulziel {ref} ausrichten.',
  'error.goalClosed':
    '{ref} wurde am {date} als {outcome, select, achieved {erreicht} other {aufgegeben}} abgeschlossen; Zwischenstände und Änderungen gibt es nur für offene Ziele.',
  'error.checkinStatus': '„{value}“ ist kein Stand: Schreib on-track, at-risk oder off-track.',
  'error.badPercent': '„{value}“ ist keine Fortschrittsangabe: Schreib eine ganze Zahl von 0 bis 100, etwa 60%.',

  'privacy.goals.own': 'Deine persönlichen Ziele und deine Zwischenstände dazu',
  'privacy.goals.teamCheckins': 'Deine Zwischenstände zu Teamzielen: im Plan oder nicht, und wie weit',
  'privacy.goals.schoolCheckins': 'Deine Zwischenstände zu Schulzielen (Koordination): im Plan oder nicht, und wie weit',
  'privacy.goals.evidence': 'Die Belege für das Lernen der Schüler, die du zu einem Zwischenstand notierst, gelesen zusammen mit dem Ziel',
  'privacy.goals.team': 'Die Teamziele, die du gesetzt oder abgeschlossen hast',
  'privacy.goals.school': 'Die Schulziele, die du gesetzt oder abgeschlossen hast (Koordination)',
  'privacy.goals.schedules': 'Die Rhythmen für Zwischenstände, die du für ein Team oder die Schule festlegst',
};

const da: Record<keyof typeof en, string> = {
  'help.group.goals': 'Mål og opfølgning',
  'cmd.goal.usage':
    'goal add [me|team|school] [due ÅÅÅÅ-MM-DD] [aligns #n] <tekst> | goal close #n achieved|dropped [note] | goal align #n #m|none',
  'cmd.goal.summary':
    'Sæt et mål for dig selv, dit team eller (koordinatorer) skolen, knyttet til niveauet over; luk det, når det er nået eller opgivet.',
  'cmd.goals.usage': 'goals [page <n>]',
  'cmd.goals.summary': 'Vis de mål, du ejer eller deler, med den seneste opfølgning og hvad de hænger sammen med.',
  'cmd.checkin.usage': 'checkin #n on-track|at-risk|off-track [NN%] [belæg] | checkin #n',
  'cmd.checkin.summary': 'Fortæl, hvordan det går med et mål, med fremskridt og belæg for elevernes læring; “checkin #n” åbner formularen.',
  'cmd.checkins.usage': 'checkins [school] <rytme> | checkins [school] off',
  'cmd.checkins.summary':
    'Bed ejerne af åbne mål om en opfølgning i en fast rytme, på det klokkeslæt i hver persons egen tidszone (ledere; “school” for koordinatorer).',

  'goal.status.on-track': 'på rette spor',
  'goal.status.at-risk': 'i fare',
  'goal.status.off-track': 'ikke på rette spor',
  'goal.title': '{ref} ({level, select, me {mit} team {team} other {skole}}) {text}',
  'goal.closedLine': '{outcome, select, achieved {nået} other {opgivet}} den {date}',
  'goal.noCheckinYet': 'ingen opfølgning endnu',
  'goal.lastCheckin': '{status}{hasPercent, select, yes {, {percent} %} other {}} ({date})',
  'goal.dueShort': 'frist {date}',
  'goal.chainPart': '{level, select, team {team} other {skole}} {ref} “{text}”',
  'goal.chain': 'Hænger sammen med: {chain}',
  'goal.chainArrow': '←',
  'goal.added':
    '{level, select, me {Dit mål} team {Teammål} other {Skolemål}} {ref} er sat{level, select, school {} other { i {community}}}: {text}',
  'goal.readers':
    '{level, select, me {Kun du kan se det.} team {Medlemmerne og lederne af {community} kan se det; gæster kan ikke.} other {Alle, der deltager i skolens fællesskaber, kan se det; gæster kan ikke.}}',
  'goal.due': 'Frist: {date}.',
  'goal.alignedTo': 'Det hænger sammen med {ref}: {text}',
  'goal.unaligned': '{ref} er ikke længere knyttet til et andet mål.',
  'goal.realigned': '{ref} er nu knyttet til {to}: {text}',
  'goal.closed': '{ref} er lukket som {outcome, select, achieved {nået. Godt gået!} other {opgivet.}} {text}',
  'goals.none': 'Du har ingen mål endnu. Sæt et med {command}.',
  'goals.title': 'Dine mål ({count})',

  'checkin.form.title': 'Opfølgning på {ref}',
  'checkin.form.status': 'Hvordan går det?',
  'checkin.form.percent': 'Fremskridt, 0–100 %',
  'checkin.form.evidence': 'Belæg for elevernes læring',
  'checkin.form.submit': 'Gem opfølgning',
  'checkin.button': 'Følg op på {ref}',
  'checkin.done': 'Opfølgning på {ref} gemt: {status}{hasPercent, select, yes {, {percent} %} other {}}.',
  'checkin.readers':
    '{level, select, me {Kun du kan se den.} team {Teamets medlemmer og ledere kan se den.} other {Alle, der deltager i skolens fællesskaber, kan se den.}}',
  'checkin.private':
    'Belæg er private, indtil du vælger, hvor de skal hen, så jeg har ikke gemt det, du skrev i kanalen. Følg op på {ref} her:',
  'checkin.privateChannel':
    'Belæg hører til i en privat opfølgning, ikke i et opslag i kanalen: Jeg har sendt dig formularen i vores personlige chat.',

  'checkins.done':
    '{scope, select, school {Skolens mål} other {Målene i {community}}}: Jeg beder om opfølgning {cadence}, på det klokkeslæt i hver persons egen tidszone.',
  'checkins.first': 'Den første forespørgsel sendes {date}.',
  'checkins.off': '{scope, select, school {Skolens mål} other {Målene i {community}}}: Jeg beder ikke om flere opfølgninger.',
  'checkins.alreadyOff': '{scope, select, school {Skolens mål har} other {{community} har}} ingen rytme for opfølgning.',

  'goals.ask.title': 'Tid til at følge op på dine mål i {community}',
  'goals.ask.titleSchool': 'Tid til at følge op på skolens mål',
  'goals.attention.quiet': 'Teammål {ref} “{text}” har ikke haft en opfølgning siden {date}.',
  'goals.attention.never': 'Teammål {ref} “{text}” har ikke haft en opfølgning, siden det blev sat den {date}.',
  'goals.home.overdue': '{count, plural, one {# mål venter på en opfølgning:} other {# mål venter på en opfølgning:}}',
  'goals.home.quiet': '{ref} {text} (seneste opfølgning {date})',
  'goals.home.never': '{ref} {text} (sat {date}, ingen opfølgning endnu)',

  'error.unknownGoal': 'Der er intet mål {ref}, som du kan se. “goals” viser dine.',
  'error.schoolGoalsCoordinators': 'Kun koordinatorer sætter skolemål og deres rytme for opfølgning.',
  'error.schoolGoalCoordinators':
    '{ref} er et skolemål: Kun koordinatorer følger op på det, lukker det eller ændrer, hvad det hænger sammen med.',
  'error.teamGoalStewards': 'Det kan kun en leder af teamet, en koordinator eller den lærer, der satte {ref}.',
  'error.goalCycle': '{ref} er allerede gennem sin kæde knyttet til dette mål: At knytte dem sammen ville give en cirkel.',
  'error.goalWrongLevel':
    '{ref} er ikke et {wanted, select, team {teammål} other {skolemål}}: {level, select, me {Dit mål knyttes til et teammål} other {Et teammål knyttes til et skolemål}}.',
  'error.schoolGoalAligns': 'Et skolemål er toppen af planen: Det knyttes ikke til andre mål.',
  'error.alignSchoolLeads': 'Kun en leder af teamet eller en koordinator kan knytte et teammål til skolemål {ref}.',
  'error.goalClosed':
    '{ref} blev lukket som {outcome, select, achieved {nået} other {opgivet}} den {date}; kun åbne mål får opfølgning og ændringer.',
  'error.checkinStatus': '“{value}” er ikke en status: Skriv on-track, at-risk eller off-track.',
  'error.badPercent': '“{value}” er ikke et fremskridt: Skriv et helt tal fra 0 til 100, fx 60%.',

  'privacy.goals.own': 'Dine personlige mål og dine opfølgninger på dem',
  'privacy.goals.teamCheckins': 'Dine opfølgninger på teammål: på sporet eller ej, og hvor langt I er',
  'privacy.goals.schoolCheckins': 'Dine opfølgninger på skolemål (koordinatorer): på sporet eller ej, og hvor langt I er',
  'privacy.goals.evidence': 'Det belæg for elevernes læring, du skriver i en opfølgning, og som læses sammen med målet',
  'privacy.goals.team': 'De teammål, du har sat eller lukket',
  'privacy.goals.school': 'De skolemål, du har sat eller lukket (koordinatorer)',
  'privacy.goals.schedules': 'Den rytme for opfølgning, du sætter for et team eller for skolen',
};

const nl: Record<keyof typeof en, string> = {
  'help.group.goals': 'Doelen en voortgang',
  'cmd.goal.usage':
    'goal add [me|team|school] [due JJJJ-MM-DD] [aligns #n] <tekst> | goal close #n achieved|dropped [notitie] | goal align #n #m|none',
  'cmd.goal.summary':
    'Stel een doel voor jezelf, je team of (coördinatoren) de school, afgestemd op het niveau erboven; sluit het af als het bereikt is of vervalt.',
  'cmd.goals.usage': 'goals [page <n>]',
  'cmd.goals.summary': 'Toon de doelen die van jou zijn of die je deelt, met de laatste voortgangsmelding en waarop ze zijn afgestemd.',
  'cmd.checkin.usage': 'checkin #n on-track|at-risk|off-track [NN%] [bewijs] | checkin #n',
  'cmd.checkin.summary':
    'Meld hoe een doel ervoor staat, met voortgang en bewijs van leren bij leerlingen; “checkin #n” opent het formulier.',
  'cmd.checkins.usage': 'checkins [school] <ritme> | checkins [school] off',
  'cmd.checkins.summary':
    'Vraag de eigenaars van open doelen in een vast ritme om een voortgangsmelding, op dat tijdstip in ieders eigen tijdzone (leiders; “school” voor coördinatoren).',

  'goal.status.on-track': 'op koers',
  'goal.status.at-risk': 'in gevaar',
  'goal.status.off-track': 'uit koers',
  'goal.title': '{ref} ({level, select, me {van mij} team {team} other {school}}) {text}',
  'goal.closedLine': '{outcome, select, achieved {bereikt} other {vervallen}} op {date}',
  'goal.noCheckinYet': 'nog geen voortgangsmelding',
  'goal.lastCheckin': '{status}{hasPercent, select, yes {, {percent}%} other {}} ({date})',
  'goal.dueShort': 'deadline {date}',
  'goal.chainPart': '{level, select, team {team} other {school}} {ref} ‘{text}’',
  'goal.chain': 'Afgestemd: {chain}',
  'goal.chainArrow': '←',
  'goal.added':
    '{level, select, me {Je doel} team {Teamdoel} other {Schooldoel}} {ref} staat{level, select, school {} other { in {community}}}: {text}',
  'goal.readers':
    '{level, select, me {Alleen jij ziet het.} team {De leden en leiders van {community} zien het; gasten niet.} other {Iedereen die meedoet in de leergemeenschappen van de school ziet het; gasten niet.}}',
  'goal.due': 'Deadline: {date}.',
  'goal.alignedTo': 'Het is afgestemd op {ref}: {text}',
  'goal.unaligned': '{ref} is niet meer afgestemd op een ander doel.',
  'goal.realigned': '{ref} is nu afgestemd op {to}: {text}',
  'goal.closed': '{ref} is afgesloten als {outcome, select, achieved {bereikt. Goed gedaan!} other {vervallen.}} {text}',
  'goals.none': 'Je hebt nog geen doelen. Stel er een met {command}.',
  'goals.title': 'Je doelen ({count})',

  'checkin.form.title': 'Voortgang van {ref}',
  'checkin.form.status': 'Hoe gaat het?',
  'checkin.form.percent': 'Voortgang, 0–100 %',
  'checkin.form.evidence': 'Bewijs van leren bij leerlingen',
  'checkin.form.submit': 'Melden',
  'checkin.button': 'Voortgang van {ref} melden',
  'checkin.done': 'Voortgang van {ref} gemeld: {status}{hasPercent, select, yes {, {percent}%} other {}}.',
  'checkin.readers':
    '{level, select, me {Alleen jij ziet deze melding.} team {De leden en leiders van het team zien deze melding.} other {Iedereen die meedoet in de leergemeenschappen van de school ziet deze melding.}}',
  'checkin.private':
    'Bewijs blijft privé tot jij kiest waar het heen gaat, dus wat je in het kanaal typte heb ik niet bewaard. Meld de voortgang van {ref} hier:',
  'checkin.privateChannel':
    'Bewijs hoort in een privé voortgangsmelding, niet in een bericht in het kanaal: ik heb je het formulier in onze persoonlijke chat gestuurd.',

  'checkins.done':
    '{scope, select, school {De doelen van de school} other {De doelen van {community}}}: ik vraag {cadence} om een voortgangsmelding, op dat tijdstip in ieders eigen tijdzone.',
  'checkins.first': 'De eerste vraag gaat uit op {date}.',
  'checkins.off':
    '{scope, select, school {De doelen van de school} other {De doelen van {community}}}: ik vraag niet meer om voortgangsmeldingen.',
  'checkins.alreadyOff':
    '{scope, select, school {De doelen van de school hebben} other {{community} heeft}} geen ritme voor voortgangsmeldingen.',

  'goals.ask.title': 'Tijd voor een voortgangsmelding over je doelen in {community}',
  'goals.ask.titleSchool': 'Tijd voor een voortgangsmelding over de doelen van de school',
  'goals.attention.quiet': 'Teamdoel {ref} ‘{text}’ heeft sinds {date} geen voortgangsmelding gehad.',
  'goals.attention.never': 'Teamdoel {ref} ‘{text}’ heeft geen voortgangsmelding gehad sinds het op {date} werd gesteld.',
  'goals.home.overdue': '{count, plural, one {# doel wacht op een voortgangsmelding:} other {# doelen wachten op een voortgangsmelding:}}',
  'goals.home.quiet': '{ref} {text} (laatste melding {date})',
  'goals.home.never': '{ref} {text} (gesteld op {date}, nog geen melding)',

  'error.unknownGoal': 'Er is geen doel {ref} dat jij kunt zien. “goals” toont de jouwe.',
  'error.schoolGoalsCoordinators': 'Alleen coördinatoren stellen schooldoelen en hun ritme voor voortgangsmeldingen.',
  'error.schoolGoalCoordinators':
    '{ref} is een schooldoel: alleen coördinatoren melden de voortgang, sluiten het af of wijzigen de afstemming.',
  'error.teamGoalStewards': 'Dat kan alleen een leider van het team, een coördinator of de leraar die {ref} stelde.',
  'error.goalCycle': '{ref} is via zijn keten al op dit doel afgestemd: ze op elkaar afstemmen zou een cirkel maken.',
  'error.goalWrongLevel':
    '{ref} is geen {wanted, select, team {teamdoel} other {schooldoel}}: {level, select, me {je eigen doel stem je af op een teamdoel} other {een teamdoel stem je af op een schooldoel}}.',
  'error.schoolGoalAligns': 'Een schooldoel staat bovenaan het plan: het wordt op geen ander doel afgestemd.',
  'error.alignSchoolLeads': 'Alleen een leider van het team of een coördinator kan een teamdoel afstemmen op schooldoel {ref}.',
  'error.goalClosed':
    '{ref} is op {date} afgesloten als {outcome, select, achieved {bereikt} other {vervallen}}; alleen open doelen krijgen voortgangsmeldingen en wijzigingen.',
  'error.checkinStatus': '“{value}” is geen status: schrijf on-track, at-risk of off-track.',
  'error.badPercent': '“{value}” is geen voortgang: schrijf een heel getal van 0 tot 100, zoals 60%.',

  'privacy.goals.own': 'Je persoonlijke doelen en je voortgangsmeldingen daarover',
  'privacy.goals.teamCheckins': 'Je voortgangsmeldingen over teamdoelen: op koers of niet, en hoe ver',
  'privacy.goals.schoolCheckins': 'Je voortgangsmeldingen over schooldoelen (coördinatoren): op koers of niet, en hoe ver',
  'privacy.goals.evidence': 'Het bewijs van leren bij leerlingen dat je bij een voortgangsmelding schrijft, gelezen samen met het doel',
  'privacy.goals.team': 'De teamdoelen die je hebt gesteld of afgesloten',
  'privacy.goals.school': 'De schooldoelen die je hebt gesteld of afgesloten (coördinatoren)',
  'privacy.goals.schedules': 'Het ritme voor voortgangsmeldingen dat je voor een team of de school instelt',
};

const ar: Record<keyof typeof en, string> = {
  'help.group.goals': 'الأهداف ومتابعتها',
  'cmd.goal.usage':
    'goal add [me|team|school] [due YYYY-MM-DD] [aligns #n] <النص> | goal close #n achieved|dropped [ملاحظة] | goal align #n #m|none',
  'cmd.goal.summary': 'حدّد هدفًا لنفسك أو لفريقك أو (للمنسقين) للمدرسة، مرتبطًا بالمستوى الأعلى منه؛ وأغلقه عند تحقيقه أو التخلي عنه.',
  'cmd.goals.usage': 'goals [page <n>]',
  'cmd.goals.summary': 'اعرض الأهداف التي تملكها أو تشارك فيها، مع آخر متابعة لكل منها وما ترتبط به.',
  'cmd.checkin.usage': 'checkin #n on-track|at-risk|off-track [NN%] [الدليل] | checkin #n',
  'cmd.checkin.summary': 'أخبرنا كيف يسير هدف ما، مع نسبة التقدم والدليل على تعلّم الطلاب؛ ‏“checkin #n” يفتح النموذج.',
  'cmd.checkins.usage': 'checkins [school] <الإيقاع> | checkins [school] off',
  'cmd.checkins.summary':
    'اطلب من أصحاب الأهداف المفتوحة متابعتها بإيقاع منتظم، في ذلك الوقت بالمنطقة الزمنية لكل شخص (للقادة؛ و“school” للمنسقين).',

  'goal.status.on-track': 'على المسار',
  'goal.status.at-risk': 'معرّض للخطر',
  'goal.status.off-track': 'خارج المسار',
  'goal.title': '{ref} ({level, select, me {هدفي} team {الفريق} other {المدرسة}}) {text}',
  'goal.closedLine': '{outcome, select, achieved {تحقق} other {أُلغي}} في {date}',
  'goal.noCheckinYet': 'لا متابعة بعد',
  'goal.lastCheckin': '{status}{hasPercent, select, yes {، {percent}٪} other {}} ({date})',
  'goal.dueShort': 'الموعد {date}',
  'goal.chainPart': '{level, select, team {الفريق} other {المدرسة}} {ref} «{text}»',
  'goal.chain': 'مرتبط بـ: {chain}',
  'goal.chainArrow': '→',
  'goal.added':
    '{level, select, me {هدفك} team {هدف الفريق} other {هدف المدرسة}} {ref} مُسجَّل{level, select, school {} other { في {community}}}: {text}',
  'goal.readers':
    '{level, select, me {أنت وحدك من يراه.} team {يراه أعضاء {community} وقادته، ولا يراه الضيوف.} other {يراه كل من يشارك في مجتمعات المدرسة، ولا يراه الضيوف.}}',
  'goal.due': 'الموعد: {date}.',
  'goal.alignedTo': 'يرتبط بـ {ref}: {text}',
  'goal.unaligned': 'لم يعد {ref} مرتبطًا بهدف آخر.',
  'goal.realigned': 'أصبح {ref} مرتبطًا بـ {to}: {text}',
  'goal.closed': 'أُغلق {ref}: {outcome, select, achieved {تحقق. أحسنتم!} other {أُلغي.}} {text}',
  'goals.none': 'ليست لديك أهداف بعد. حدّد هدفًا باستخدام {command}.',
  'goals.title': 'أهدافك ({count})',

  'checkin.form.title': 'متابعة {ref}',
  'checkin.form.status': 'كيف يسير الأمر؟',
  'checkin.form.percent': 'نسبة التقدم، من 0 إلى 100 ٪',
  'checkin.form.evidence': 'الدليل على تعلّم الطلاب',
  'checkin.form.submit': 'حفظ المتابعة',
  'checkin.button': 'متابعة {ref}',
  'checkin.done': 'حُفظت متابعة {ref}: {status}{hasPercent, select, yes {، {percent}٪} other {}}.',
  'checkin.readers':
    '{level, select, me {أنت وحدك من يراها.} team {يراها أعضاء الفريق وقادته.} other {يراها كل من يشارك في مجتمعات المدرسة.}}',
  'checkin.private': 'الدليل خاص حتى تختار أين يذهب، لذلك لم أحفظ ما كتبته في القناة. سجّل متابعة {ref} هنا:',
  'checkin.privateChannel': 'مكان الدليل متابعة خاصة، لا منشور في القناة: أرسلت إليك النموذج في محادثتنا الخاصة.',

  'checkins.done':
    '{scope, select, school {أهداف المدرسة} other {أهداف {community}}}: سأطلب المتابعة {cadence}، في ذلك الوقت بالمنطقة الزمنية لكل شخص.',
  'checkins.first': 'يُرسل الطلب الأول في {date}.',
  'checkins.off': '{scope, select, school {أهداف المدرسة} other {أهداف {community}}}: لن أطلب مزيدًا من المتابعات.',
  'checkins.alreadyOff': '{scope, select, school {لا إيقاع لمتابعة أهداف المدرسة} other {لا إيقاع لمتابعة أهداف {community}}}.',

  'goals.ask.title': 'حان وقت متابعة أهدافك في {community}',
  'goals.ask.titleSchool': 'حان وقت متابعة أهداف المدرسة',
  'goals.attention.quiet': 'لم يُتابَع هدف الفريق {ref} «{text}» منذ {date}.',
  'goals.attention.never': 'لم يُتابَع هدف الفريق {ref} «{text}» منذ تحديده في {date}.',
  'goals.home.overdue':
    '{count, plural, zero {لا أهداف تنتظر المتابعة:} one {هدف واحد ينتظر المتابعة:} two {هدفان ينتظران المتابعة:} few {# أهداف تنتظر المتابعة:} many {# هدفًا ينتظر المتابعة:} other {# هدف ينتظر المتابعة:}}',
  'goals.home.quiet': '{ref} {text} (آخر متابعة في {date})',
  'goals.home.never': '{ref} {text} (حُدد في {date}، ولا متابعة بعد)',

  'error.unknownGoal': 'لا يوجد هدف {ref} يمكنك رؤيته. ‏“goals” يعرض أهدافك.',
  'error.schoolGoalsCoordinators': 'المنسقون وحدهم يحددون أهداف المدرسة وإيقاع متابعتها.',
  'error.schoolGoalCoordinators': '{ref} هدف للمدرسة: المنسقون وحدهم يتابعونه أو يغلقونه أو يغيّرون ما يرتبط به.',
  'error.teamGoalStewards': 'لا يستطيع ذلك إلا قائد الفريق أو منسق أو المعلم الذي حدّد {ref}.',
  'error.goalCycle': '{ref} مرتبط أصلًا بهذا الهدف عبر سلسلته: ربطهما سيصنع دائرة.',
  'error.goalWrongLevel':
    '{ref} ليس {wanted, select, team {هدفًا للفريق} other {هدفًا للمدرسة}}: {level, select, me {هدفك يرتبط بهدف للفريق} other {هدف الفريق يرتبط بهدف للمدرسة}}.',
  'error.schoolGoalAligns': 'هدف المدرسة في أعلى الخطة: لا يرتبط بأي هدف آخر.',
  'error.alignSchoolLeads': 'لا يستطيع ربط هدف فريق بهدف المدرسة {ref} إلا قائد الفريق أو منسق.',
  'error.goalClosed':
    'أُغلق {ref} في {date} بوصفه {outcome, select, achieved {متحققًا} other {ملغى}}؛ المتابعات والتغييرات للأهداف المفتوحة فقط.',
  'error.checkinStatus': '«{value}» ليست حالة: اكتب on-track أو at-risk أو off-track.',
  'error.badPercent': '«{value}» ليست نسبة تقدم: اكتب عددًا صحيحًا من 0 إلى 100، مثل 60%.',

  'privacy.goals.own': 'أهدافك الشخصية ومتابعاتك لها',
  'privacy.goals.teamCheckins': 'متابعاتك لأهداف الفريق: هل تسير كما خُطط لها، وإلى أي حد تقدمت',
  'privacy.goals.schoolCheckins': 'متابعاتك لأهداف المدرسة (للمنسقين): هل تسير كما خُطط لها، وإلى أي حد تقدمت',
  'privacy.goals.evidence': 'الدليل على تعلّم الطلاب الذي تضيفه إلى متابعة، ويُقرأ مع هدفها',
  'privacy.goals.team': 'أهداف الفريق التي حددتها أو أغلقتها',
  'privacy.goals.school': 'أهداف المدرسة التي حددتها أو أغلقتها (للمنسقين)',
  'privacy.goals.schedules': 'إيقاع المتابعة الذي تحدده لفريق أو للمدرسة',
};

export const messages = defineMessages({ en, de, da, nl, ar });
