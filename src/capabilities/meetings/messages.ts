import { defineMessages } from '../../i18n/define.js';

/** Meeting cadence: schedules, reminders, agenda, duties, attendance, notes, holidays and the calendar feed. */
const en = {
  'error.meetingNotStarted': 'Meeting {ref} has not started yet ({when}). Notes can be posted once it has begun.',
  'holiday.allDone':
    'A holiday for the whole school from {from} to {to}: every community skips it ({count, plural, one {# community} other {# communities}} today).',
  'settings.tz.meetings': 'Meetings of {community} stay at {time} in the new zone; the next one is {when}.',
  'cmd.schedule.usage': 'schedule <cadence> [duration <minutes>] [where <place or link>] | schedule off',
  'cmd.schedule.summary': 'Set when the community meets, e.g. “weekly tue 15:30”; “schedule off” stops the meetings.',
  'cmd.remind.usage': 'remind <24h,1h,…>',
  'cmd.remind.summary': 'Choose how long before each meeting I remind the team.',
  'cmd.holiday.usage': 'holiday [all] <from YYYY-MM-DD> <to YYYY-MM-DD> [name]',
  'cmd.holiday.summary': 'Skip the meetings between two dates (both included); “holiday all” (coordinators) does it for every community.',
  'cmd.holidays.usage': 'holidays',
  'cmd.holidays.summary': 'List the holidays on which the community does not meet.',
  'cmd.cancel.usage': 'cancel <YYYY-MM-DD>',
  'cmd.cancel.summary': 'Cancel the meeting on that date.',
  'cmd.move.usage': 'move <YYYY-MM-DD> <new YYYY-MM-DD> <HH:MM>',
  'cmd.move.summary': 'Move the meeting of one date to another day and time.',
  'cmd.next.usage': 'next',
  'cmd.next.summary': 'Show the next meeting with its agenda and duties.',
  'cmd.agenda.usage': 'agenda | agenda add <text> | agenda remove #n',
  'cmd.agenda.summary': 'Show the agenda of the next meeting, add an item to it, or remove one.',
  'cmd.rsvp.usage': 'rsvp yes|no [#meeting]',
  'cmd.rsvp.summary': 'Say whether you will be at a meeting (the next one unless you name it).',
  'cmd.notes.usage': 'notes [#meeting] <text>',
  'cmd.notes.summary': 'Post the notes of a meeting to the channel and keep them (note-taker or lead).',
  'cmd.calendar.usage': 'calendar | calendar reset',
  'cmd.calendar.summary': 'Get your own calendar link for the meetings; “calendar reset” replaces it.',

  'cadence.weekly': 'every {weekday} at {time}',
  'cadence.biweekly': 'every other {weekday} at {time}',
  'cadence.monthly':
    '{ordinal, select, 1 {on the first} 2 {on the second} 3 {on the third} 4 {on the fourth} other {on the last}} {weekday} of the month at {time}',

  'schedule.done': '{community} meets {cadence} ({zone}), for {duration, plural, one {# minute} other {# minutes}}.',
  'schedule.where': 'Where: {where}',
  'schedule.next': 'The next meeting is {when}.',
  'schedule.none': 'No meeting falls in the coming year with this schedule.',
  'schedule.off': '{community} has no meeting schedule any more; I will send no reminders.',
  'schedule.alreadyOff': '{community} has no meeting schedule.',

  'remind.done':
    '{count, plural, =0 {I will send no reminders before meetings of {community}.} one {I will remind {community} {list} before each meeting.} other {I will remind {community} {list} before each meeting.}}',

  'holiday.done':
    '{community} has a holiday from {from} to {to}: {count, plural, =0 {no meeting falls in it.} one {# meeting is skipped.} other {# meetings are skipped.}}',
  'holidays.title': 'Holidays of {community}',
  'holidays.line': '{from} – {to} {name}',
  'holidays.wholeSchool': '(whole school)',
  'holidays.none': 'No holidays are set. A lead adds one with {command}.',

  'cancel.done': 'The meeting of {community} on {date} is cancelled.',
  'cancel.already': 'The meeting on {date} is already cancelled.',
  'move.done': 'The meeting of {community} on {date} is moved to {when}.',
  'nextMeeting.line': 'The next meeting is {when}.',
  'nextMeeting.none': 'No meeting is planned for {community}.',

  'meeting.title': '{community}: meeting {ref}',
  'meeting.reminder': '{community} meets {when}.',
  'reminder.cancelled': 'Cancelled: {community} does not meet {when}.',
  'reminder.holiday': 'Skipped: {community} does not meet {when} ({holiday}).',
  'reminder.unscheduled': 'No longer scheduled: {community} will not meet {when}, because the meeting schedule changed.',
  'meeting.label.when': 'When',
  'meeting.label.where': 'Where',
  'meeting.label.facilitator': 'Facilitator',
  'meeting.label.noteTaker': 'Note-taker',
  'meeting.label.attendance': 'Coming',
  'meeting.nobody': 'nobody yet',
  'meeting.agendaTitle': 'Agenda',
  'meeting.agendaEmpty': 'Nothing on the agenda yet. Add an item with {command}.',
  'meeting.attendance':
    '{yes, plural, =0 {nobody has said yes yet} one {# person} other {# people}}{no, plural, =0 {} one {, # can’t make it} other {, # can’t make it}}',
  'meeting.rsvpYes': 'I’ll be there',
  'meeting.rsvpNo': 'Can’t make it',

  'rsvp.yes': 'Thank you, you are on the list for {when}.',
  'rsvp.no': 'Noted: you can’t make it {when}.',
  'rsvp.handedOver': '{name} takes over as {duty}.',
  'duty.facilitator': 'facilitator',
  'duty.noteTaker': 'note-taker',

  'agenda.title': 'Agenda of {community} for {when}',
  'agenda.titleUnscheduled': 'Agenda of {community}',
  'agenda.line': '{ref} {text} · {name}',
  'agenda.empty': 'The agenda is empty. Add an item with {command}.',
  'agenda.added': 'Added {ref} to the agenda: {text}',
  'agenda.removed': 'Removed {ref} from the agenda.',
  'agenda.form.title': 'Add to the agenda',
  'agenda.form.text': 'What would you like to talk about?',
  'agenda.form.submit': 'Add',

  'notes.title': 'Notes of meeting {ref} ({when}) by {name}',
  'notes.saved': 'Your notes for meeting {ref} are posted in the channel and kept.',
  'notes.nudge': 'You took notes at the {community} meeting {when}. Please post them with {command} so everyone can read them.',

  'skipped.text':
    '{count, plural, one {{community} does not meet on {dates}: {holiday}.} other {{community} does not meet on these days: {dates} ({holiday}).}}',
  'skipped.holiday': 'holiday',
  'skipped.next': 'The next meeting is {when}.',

  'calendar.link': 'Subscribe to the meetings of {community} in Outlook, Google Calendar or Apple Calendar with your own link: {url}',
  'calendar.private':
    'The link is yours alone: anyone who has it sees when and where the meetings are. It stops working when you leave {community}; {command} gives you a new one and stops this one.',
  'calendar.reset': 'Your old calendar link for {community} no longer works; everyone else’s still does. Your new one: {url}',
  'calendar.noPublicUrl': 'The bot’s public address (PUBLIC_URL) is not set; put it in front of the link.',
  'calendar.event': '{community} meeting',
  'calendar.cancelled': 'Cancelled',
  'calendar.holiday': 'No meeting: {name}',
  'calendar.sharedEnding':
    'Calendar links for {community} are now personal: each person has their own, and it stops working when they leave. The shared link you may have subscribed to stops working on {date}. To keep the meetings in your calendar, type {command} here and subscribe to your own link instead.',

  'home.nextMeeting': 'Next meeting of {community}: {when}',

  'error.noSchedule': '{community} has no meeting schedule yet. A lead sets one with {command}.',
  'error.noUpcomingMeeting': 'No meeting of {community} is coming up.',
  'error.unknownMeeting': 'There is no meeting {ref} in {community}.',
  'error.noOccurrence': '{community} has no meeting on {date}.',
  'error.moveToPast': '{when} has already passed. Move the meeting to a time that is still ahead.',
  'error.noPastMeeting': 'No meeting of {community} has taken place yet.',
  'error.notNoteTaker': 'Only the note-taker of meeting {ref} or a lead can post its notes.',
  'error.badReminders': '“{value}” is not a list of reminders. Write it like 24h,1h (at most 7 days before, at most 5 reminders).',
  'error.badMinutes': '“{value}” is not a meeting length. Give the minutes, from 5 to 600.',
  'error.holidayOrder': 'The holiday ends ({to}) before it starts ({from}).',
  'error.unknownAgendaItem': 'There is no agenda item {ref} in {community}.',
  'error.notYourAgendaItem': 'Only the person who added {ref} or a lead can remove it.',
} as const;

const de: Record<keyof typeof en, string> = {
  'error.meetingNotStarted': 'Treffen {ref} hat noch nicht begonnen ({when}). Notizen kannst du posten, sobald es begonnen hat.',
  'holiday.allDone':
    'Ferien für die ganze Schule vom {from} bis {to}: Alle Lerngemeinschaften lassen sie aus (heute {count, plural, one {# Lerngemeinschaft} other {# Lerngemeinschaften}}).',
  'settings.tz.meetings': 'Die Treffen von {community} bleiben in der neuen Zeitzone um {time}; das nächste ist am {when}.',
  'cmd.schedule.usage': 'schedule <Rhythmus> [duration <Minuten>] [where <Ort oder Link>] | schedule off',
  'cmd.schedule.summary': 'Legt fest, wann sich die Lerngemeinschaft trifft, z. B. „weekly tue 15:30“; „schedule off“ beendet die Treffen.',
  'cmd.remind.usage': 'remind <24h,1h,…>',
  'cmd.remind.summary': 'Legt fest, wie lange vor jedem Treffen ich das Team erinnere.',
  'cmd.holiday.usage': 'holiday [all] <von JJJJ-MM-TT> <bis JJJJ-MM-TT> [Name]',
  'cmd.holiday.summary':
    'Lässt die Treffen zwischen zwei Daten ausfallen (beide eingeschlossen); „holiday all“ (Koordinator:innen) tut es für alle Lerngemeinschaften.',
  'cmd.holidays.usage': 'holidays',
  'cmd.holidays.summary': 'Zeigt die Ferien, in denen sich die Lerngemeinschaft nicht trifft.',
  'cmd.cancel.usage': 'cancel <JJJJ-MM-TT>',
  'cmd.cancel.summary': 'Sagt das Treffen an diesem Tag ab.',
  'cmd.move.usage': 'move <JJJJ-MM-TT> <neues JJJJ-MM-TT> <HH:MM>',
  'cmd.move.summary': 'Verlegt das Treffen eines Tages auf einen anderen Tag und eine andere Uhrzeit.',
  'cmd.next.usage': 'next',
  'cmd.next.summary': 'Zeigt das nächste Treffen mit Tagesordnung und Aufgaben.',
  'cmd.agenda.usage': 'agenda | agenda add <Text> | agenda remove #n',
  'cmd.agenda.summary': 'Zeigt die Tagesordnung des nächsten Treffens, ergänzt einen Punkt oder entfernt einen.',
  'cmd.rsvp.usage': 'rsvp yes|no [#Treffen]',
  'cmd.rsvp.summary': 'Sag, ob du bei einem Treffen dabei bist (beim nächsten, wenn du keines nennst).',
  'cmd.notes.usage': 'notes [#Treffen] <Text>',
  'cmd.notes.summary': 'Stellt das Protokoll eines Treffens in den Kanal und bewahrt es auf (Protokoll oder Leitung).',
  'cmd.calendar.usage': 'calendar | calendar reset',
  'cmd.calendar.summary': 'Gibt dir deinen eigenen Kalender-Link für die Treffen; „calendar reset“ ersetzt ihn.',

  'cadence.weekly': 'jeden {weekday} um {time}',
  'cadence.biweekly': 'jeden zweiten {weekday} um {time}',
  'cadence.monthly':
    '{ordinal, select, 1 {am ersten} 2 {am zweiten} 3 {am dritten} 4 {am vierten} other {am letzten}} {weekday} im Monat um {time}',

  'schedule.done': '{community} trifft sich {cadence} ({zone}), jeweils {duration, plural, one {# Minute} other {# Minuten}}.',
  'schedule.where': 'Ort: {where}',
  'schedule.next': 'Das nächste Treffen ist am {when}.',
  'schedule.none': 'Mit diesem Rhythmus fällt im kommenden Jahr kein Treffen an.',
  'schedule.off': '{community} hat keinen Terminplan mehr; ich verschicke keine Erinnerungen.',
  'schedule.alreadyOff': '{community} hat keinen Terminplan.',

  'remind.done':
    '{count, plural, =0 {Ich verschicke vor den Treffen von {community} keine Erinnerungen.} one {Ich erinnere {community} jeweils {list} vor jedem Treffen.} other {Ich erinnere {community} jeweils {list} vor jedem Treffen.}}',

  'holiday.done':
    '{community} hat Ferien vom {from} bis {to}: {count, plural, =0 {Kein Treffen fällt hinein.} one {# Treffen fällt aus.} other {# Treffen fallen aus.}}',
  'holidays.title': 'Ferien von {community}',
  'holidays.line': '{from} – {to} {name}',
  'holidays.wholeSchool': '(ganze Schule)',
  'holidays.none': 'Es sind keine Ferien eingetragen. Eine Leitung trägt sie mit {command} ein.',

  'cancel.done': 'Das Treffen von {community} am {date} ist abgesagt.',
  'cancel.already': 'Das Treffen am {date} ist bereits abgesagt.',
  'move.done': 'Das Treffen von {community} am {date} ist verlegt auf {when}.',
  'nextMeeting.line': 'Das nächste Treffen ist am {when}.',
  'nextMeeting.none': 'Für {community} ist kein Treffen geplant.',

  'meeting.title': '{community}: Treffen {ref}',
  'meeting.reminder': '{community} trifft sich am {when}.',
  'reminder.cancelled': 'Abgesagt: {community} trifft sich nicht am {when}.',
  'reminder.holiday': 'Fällt aus: {community} trifft sich nicht am {when} ({holiday}).',
  'reminder.unscheduled': 'Nicht mehr geplant: {community} trifft sich nicht am {when}, weil sich der Terminplan geändert hat.',
  'meeting.label.when': 'Wann',
  'meeting.label.where': 'Wo',
  'meeting.label.facilitator': 'Moderation',
  'meeting.label.noteTaker': 'Protokoll',
  'meeting.label.attendance': 'Dabei',
  'meeting.nobody': 'noch niemand',
  'meeting.agendaTitle': 'Tagesordnung',
  'meeting.agendaEmpty': 'Noch steht nichts auf der Tagesordnung. Ergänze einen Punkt mit {command}.',
  'meeting.attendance':
    '{yes, plural, =0 {noch hat niemand zugesagt} one {# Person} other {# Personen}}{no, plural, =0 {} one {, # kann nicht} other {, # können nicht}}',
  'meeting.rsvpYes': 'Ich bin dabei',
  'meeting.rsvpNo': 'Ich kann nicht',

  'rsvp.yes': 'Danke, du stehst auf der Liste für {when}.',
  'rsvp.no': 'Notiert: Du kannst am {when} nicht.',
  'rsvp.handedOver': '{name} übernimmt: {duty}.',
  'duty.facilitator': 'Moderation',
  'duty.noteTaker': 'Protokoll',

  'agenda.title': 'Tagesordnung von {community} für {when}',
  'agenda.titleUnscheduled': 'Tagesordnung von {community}',
  'agenda.line': '{ref} {text} · {name}',
  'agenda.empty': 'Die Tagesordnung ist leer. Ergänze einen Punkt mit {command}.',
  'agenda.added': '{ref} steht jetzt auf der Tagesordnung: {text}',
  'agenda.removed': '{ref} ist von der Tagesordnung gestrichen.',
  'agenda.form.title': 'Punkt für die Tagesordnung',
  'agenda.form.text': 'Worüber möchtest du sprechen?',
  'agenda.form.submit': 'Hinzufügen',

  'notes.title': 'Protokoll von Treffen {ref} ({when}), geschrieben von {name}',
  'notes.saved': 'Dein Protokoll für Treffen {ref} steht im Kanal und ist gespeichert.',
  'notes.nudge':
    'Du hast beim Treffen von {community} am {when} Protokoll geführt. Bitte stelle es mit {command} ein, damit alle es lesen können.',

  'skipped.text':
    '{count, plural, one {{community} trifft sich nicht am {dates}: {holiday}.} other {{community} trifft sich an diesen Tagen nicht: {dates} ({holiday}).}}',
  'skipped.holiday': 'Ferien',
  'skipped.next': 'Das nächste Treffen ist am {when}.',

  'calendar.link':
    'Mit deinem eigenen Link abonnierst du die Treffen von {community} in Outlook, Google Kalender oder Apple Kalender: {url}',
  'calendar.private':
    'Der Link gehört nur dir: Wer ihn hat, sieht, wann und wo die Treffen sind. Er funktioniert nicht mehr, sobald du {community} verlässt; {command} gibt dir einen neuen und macht diesen ungültig.',
  'calendar.reset': 'Dein alter Kalender-Link für {community} funktioniert nicht mehr; die Links der anderen schon. Dein neuer: {url}',
  'calendar.noPublicUrl': 'Die öffentliche Adresse des Bots (PUBLIC_URL) ist nicht gesetzt; stelle sie dem Link voran.',
  'calendar.event': 'Treffen {community}',
  'calendar.cancelled': 'Abgesagt',
  'calendar.holiday': 'Kein Treffen: {name}',
  'calendar.sharedEnding':
    'Die Kalender-Links für {community} sind jetzt persönlich: Jede Person hat ihren eigenen, und er funktioniert nicht mehr, sobald sie die Gruppe verlässt. Der gemeinsame Link, den du vielleicht abonniert hast, funktioniert ab {date} nicht mehr. Damit die Treffen in deinem Kalender bleiben, schreib hier {command} und abonniere stattdessen deinen eigenen Link.',

  'home.nextMeeting': 'Nächstes Treffen von {community}: {when}',

  'error.noSchedule': '{community} hat noch keinen Terminplan. Eine Leitung legt ihn mit {command} fest.',
  'error.noUpcomingMeeting': 'Für {community} steht kein Treffen an.',
  'error.unknownMeeting': 'In {community} gibt es kein Treffen {ref}.',
  'error.noOccurrence': '{community} hat am {date} kein Treffen.',
  'error.moveToPast': '{when} liegt schon in der Vergangenheit. Verlege das Treffen auf einen Zeitpunkt, der noch bevorsteht.',
  'error.noPastMeeting': '{community} hatte noch kein Treffen.',
  'error.notNoteTaker': 'Nur wer bei Treffen {ref} Protokoll führt oder eine Leitung kann das Protokoll einstellen.',
  'error.badReminders':
    '„{value}“ ist keine Liste von Erinnerungen. Schreib sie etwa als 24h,1h (höchstens 7 Tage vorher, höchstens 5 Erinnerungen).',
  'error.badMinutes': '„{value}“ ist keine Dauer für ein Treffen. Gib die Minuten an, von 5 bis 600.',
  'error.holidayOrder': 'Die Ferien enden ({to}), bevor sie beginnen ({from}).',
  'error.unknownAgendaItem': 'In {community} gibt es keinen Tagesordnungspunkt {ref}.',
  'error.notYourAgendaItem': 'Nur wer {ref} eingetragen hat oder eine Leitung kann den Punkt entfernen.',
};

const da: Record<keyof typeof en, string> = {
  'error.meetingNotStarted': 'Møde {ref} er ikke begyndt endnu ({when}). Noter kan lægges op, når det er gået i gang.',
  'holiday.allDone':
    'En ferie for hele skolen fra {from} til {to}: Alle læringsfællesskaber springer den over ({count, plural, one {# læringsfællesskab} other {# læringsfællesskaber}} i dag).',
  'settings.tz.meetings': 'Møderne i {community} bliver kl. {time} i den nye tidszone; det næste er {when}.',
  'cmd.schedule.usage': 'schedule <rytme> [duration <minutter>] [where <sted eller link>] | schedule off',
  'cmd.schedule.summary': 'Bestem hvornår fællesskabet mødes, fx “weekly tue 15:30”; “schedule off” stopper møderne.',
  'cmd.remind.usage': 'remind <24h,1h,…>',
  'cmd.remind.summary': 'Vælg hvor længe før hvert møde jeg minder holdet om det.',
  'cmd.holiday.usage': 'holiday [all] <fra ÅÅÅÅ-MM-DD> <til ÅÅÅÅ-MM-DD> [navn]',
  'cmd.holiday.summary':
    'Spring møderne over mellem to datoer (begge medregnet); “holiday all” (koordinatorer) gør det for alle læringsfællesskaber.',
  'cmd.holidays.usage': 'holidays',
  'cmd.holidays.summary': 'Vis de ferier, hvor fællesskabet ikke mødes.',
  'cmd.cancel.usage': 'cancel <ÅÅÅÅ-MM-DD>',
  'cmd.cancel.summary': 'Aflys mødet på den dato.',
  'cmd.move.usage': 'move <ÅÅÅÅ-MM-DD> <ny ÅÅÅÅ-MM-DD> <TT:MM>',
  'cmd.move.summary': 'Flyt mødet fra én dato til en anden dag og et andet tidspunkt.',
  'cmd.next.usage': 'next',
  'cmd.next.summary': 'Vis næste møde med dagsorden og opgaver.',
  'cmd.agenda.usage': 'agenda | agenda add <tekst> | agenda remove #n',
  'cmd.agenda.summary': 'Vis dagsordenen for næste møde, tilføj et punkt, eller fjern et.',
  'cmd.rsvp.usage': 'rsvp yes|no [#møde]',
  'cmd.rsvp.summary': 'Sig om du kommer til et møde (det næste, hvis du ikke nævner et).',
  'cmd.notes.usage': 'notes [#møde] <tekst>',
  'cmd.notes.summary': 'Del referatet af et møde i kanalen og gem det (referent eller tovholder).',
  'cmd.calendar.usage': 'calendar | calendar reset',
  'cmd.calendar.summary': 'Få dit eget kalenderlink til møderne; “calendar reset” erstatter det.',

  'cadence.weekly': 'hver {weekday} kl. {time}',
  'cadence.biweekly': 'hver anden {weekday} kl. {time}',
  'cadence.monthly':
    '{ordinal, select, 1 {den første} 2 {den anden} 3 {den tredje} 4 {den fjerde} other {den sidste}} {weekday} i måneden kl. {time}',

  'schedule.done': '{community} mødes {cadence} ({zone}) i {duration, plural, one {# minut} other {# minutter}}.',
  'schedule.where': 'Sted: {where}',
  'schedule.next': 'Næste møde er {when}.',
  'schedule.none': 'Med denne rytme falder der intet møde i det kommende år.',
  'schedule.off': '{community} har ikke længere en mødeplan; jeg sender ingen påmindelser.',
  'schedule.alreadyOff': '{community} har ingen mødeplan.',

  'remind.done':
    '{count, plural, =0 {Jeg sender ingen påmindelser før møderne i {community}.} one {Jeg minder {community} om møderne {list} før hvert møde.} other {Jeg minder {community} om møderne {list} før hvert møde.}}',

  'holiday.done':
    '{community} holder ferie fra {from} til {to}: {count, plural, =0 {intet møde falder i perioden.} one {# møde springes over.} other {# møder springes over.}}',
  'holidays.title': 'Ferier i {community}',
  'holidays.line': '{from} – {to} {name}',
  'holidays.wholeSchool': '(hele skolen)',
  'holidays.none': 'Der er ingen ferier. En tovholder tilføjer en med {command}.',

  'cancel.done': 'Mødet i {community} den {date} er aflyst.',
  'cancel.already': 'Mødet den {date} er allerede aflyst.',
  'move.done': 'Mødet i {community} den {date} er flyttet til {when}.',
  'nextMeeting.line': 'Næste møde er {when}.',
  'nextMeeting.none': 'Der er ikke planlagt noget møde for {community}.',

  'meeting.title': '{community}: møde {ref}',
  'meeting.reminder': '{community} mødes {when}.',
  'reminder.cancelled': 'Aflyst: {community} mødes ikke {when}.',
  'reminder.holiday': 'Springes over: {community} mødes ikke {when} ({holiday}).',
  'reminder.unscheduled': 'Ikke længere planlagt: {community} mødes ikke {when}, fordi mødeplanen er ændret.',
  'meeting.label.when': 'Hvornår',
  'meeting.label.where': 'Hvor',
  'meeting.label.facilitator': 'Mødeleder',
  'meeting.label.noteTaker': 'Referent',
  'meeting.label.attendance': 'Kommer',
  'meeting.nobody': 'ingen endnu',
  'meeting.agendaTitle': 'Dagsorden',
  'meeting.agendaEmpty': 'Der er intet på dagsordenen endnu. Tilføj et punkt med {command}.',
  'meeting.attendance':
    '{yes, plural, =0 {ingen har meldt sig endnu} one {# person} other {# personer}}{no, plural, =0 {} one {, # kan ikke komme} other {, # kan ikke komme}}',
  'meeting.rsvpYes': 'Jeg kommer',
  'meeting.rsvpNo': 'Jeg kan ikke',

  'rsvp.yes': 'Tak, du er på listen til {when}.',
  'rsvp.no': 'Noteret: du kan ikke komme {when}.',
  'rsvp.handedOver': '{name} overtager som {duty}.',
  'duty.facilitator': 'mødeleder',
  'duty.noteTaker': 'referent',

  'agenda.title': 'Dagsorden for {community} {when}',
  'agenda.titleUnscheduled': 'Dagsorden for {community}',
  'agenda.line': '{ref} {text} · {name}',
  'agenda.empty': 'Dagsordenen er tom. Tilføj et punkt med {command}.',
  'agenda.added': '{ref} er tilføjet dagsordenen: {text}',
  'agenda.removed': '{ref} er fjernet fra dagsordenen.',
  'agenda.form.title': 'Tilføj til dagsordenen',
  'agenda.form.text': 'Hvad vil du gerne tale om?',
  'agenda.form.submit': 'Tilføj',

  'notes.title': 'Referat af møde {ref} ({when}) ved {name}',
  'notes.saved': 'Dit referat af møde {ref} er delt i kanalen og gemt.',
  'notes.nudge': 'Du var referent ved mødet i {community} {when}. Del venligst referatet med {command}, så alle kan læse det.',

  'skipped.text':
    '{count, plural, one {{community} mødes ikke {dates}: {holiday}.} other {{community} mødes ikke på disse dage: {dates} ({holiday}).}}',
  'skipped.holiday': 'ferie',
  'skipped.next': 'Næste møde er {when}.',

  'calendar.link': 'Abonnér på møderne i {community} i Outlook, Google Kalender eller Apple Kalender med dit eget link: {url}',
  'calendar.private':
    'Linket er kun dit: Alle, der har det, kan se, hvornår og hvor møderne er. Det holder op med at virke, når du forlader {community}; {command} giver dig et nyt og stopper dette.',
  'calendar.reset': 'Dit gamle kalenderlink til {community} virker ikke længere; de andres virker stadig. Dit nye: {url}',
  'calendar.noPublicUrl': 'Bottens offentlige adresse (PUBLIC_URL) er ikke sat; sæt den foran linket.',
  'calendar.event': 'Møde i {community}',
  'calendar.cancelled': 'Aflyst',
  'calendar.holiday': 'Intet møde: {name}',
  'calendar.sharedEnding':
    'Kalenderlinks til {community} er nu personlige: Hver person har sit eget, og det holder op med at virke, når personen forlader gruppen. Det fælles link, som du måske abonnerer på, holder op med at virke {date}. Skriv {command} her, og abonnér på dit eget link i stedet, så møderne bliver i din kalender.',

  'home.nextMeeting': 'Næste møde i {community}: {when}',

  'error.noSchedule': '{community} har endnu ingen mødeplan. En tovholder laver en med {command}.',
  'error.noUpcomingMeeting': 'Der er intet kommende møde i {community}.',
  'error.unknownMeeting': 'Der er intet møde {ref} i {community}.',
  'error.noOccurrence': '{community} har intet møde den {date}.',
  'error.moveToPast': '{when} er allerede passeret. Flyt mødet til et tidspunkt, der ligger forude.',
  'error.noPastMeeting': '{community} har ikke holdt noget møde endnu.',
  'error.notNoteTaker': 'Kun referenten for møde {ref} eller en tovholder kan dele referatet.',
  'error.badReminders': '“{value}” er ikke en liste af påmindelser. Skriv fx 24h,1h (højst 7 dage før, højst 5 påmindelser).',
  'error.badMinutes': '“{value}” er ikke en mødelængde. Angiv minutterne, fra 5 til 600.',
  'error.holidayOrder': 'Ferien slutter ({to}), før den begynder ({from}).',
  'error.unknownAgendaItem': 'Der er intet dagsordenspunkt {ref} i {community}.',
  'error.notYourAgendaItem': 'Kun den, der tilføjede {ref}, eller en tovholder kan fjerne det.',
};

const nl: Record<keyof typeof en, string> = {
  'error.meetingNotStarted': 'Bijeenkomst {ref} is nog niet begonnen ({when}). Notities kun je plaatsen zodra ze begonnen is.',
  'holiday.allDone':
    'Een vakantie voor de hele school van {from} tot {to}: elke leergemeenschap slaat die over ({count, plural, one {# leergemeenschap} other {# leergemeenschappen}} vandaag).',
  'settings.tz.meetings': 'De bijeenkomsten van {community} blijven om {time} in de nieuwe tijdzone; de volgende is op {when}.',
  'cmd.schedule.usage': 'schedule <ritme> [duration <minuten>] [where <plek of link>] | schedule off',
  'cmd.schedule.summary': 'Leg vast wanneer de leergemeenschap samenkomt, bijv. “weekly tue 15:30”; “schedule off” stopt de bijeenkomsten.',
  'cmd.remind.usage': 'remind <24h,1h,…>',
  'cmd.remind.summary': 'Kies hoe lang voor elke bijeenkomst ik het team herinner.',
  'cmd.holiday.usage': 'holiday [all] <van JJJJ-MM-DD> <tot JJJJ-MM-DD> [naam]',
  'cmd.holiday.summary':
    'Sla de bijeenkomsten tussen twee datums over (beide inbegrepen); “holiday all” (coördinatoren) doet het voor elke leergemeenschap.',
  'cmd.holidays.usage': 'holidays',
  'cmd.holidays.summary': 'Toon de vakanties waarin de leergemeenschap niet samenkomt.',
  'cmd.cancel.usage': 'cancel <JJJJ-MM-DD>',
  'cmd.cancel.summary': 'Zeg de bijeenkomst op die datum af.',
  'cmd.move.usage': 'move <JJJJ-MM-DD> <nieuwe JJJJ-MM-DD> <UU:MM>',
  'cmd.move.summary': 'Verplaats de bijeenkomst van één datum naar een andere dag en tijd.',
  'cmd.next.usage': 'next',
  'cmd.next.summary': 'Toon de volgende bijeenkomst met agenda en taken.',
  'cmd.agenda.usage': 'agenda | agenda add <tekst> | agenda remove #n',
  'cmd.agenda.summary': 'Toon de agenda van de volgende bijeenkomst, voeg een punt toe of haal er een af.',
  'cmd.rsvp.usage': 'rsvp yes|no [#bijeenkomst]',
  'cmd.rsvp.summary': 'Laat weten of je bij een bijeenkomst bent (de volgende, tenzij je er een noemt).',
  'cmd.notes.usage': 'notes [#bijeenkomst] <tekst>',
  'cmd.notes.summary': 'Deel het verslag van een bijeenkomst in het kanaal en bewaar het (notulist of trekker).',
  'cmd.calendar.usage': 'calendar | calendar reset',
  'cmd.calendar.summary': 'Krijg je eigen agendalink voor de bijeenkomsten; “calendar reset” vervangt hem.',

  'cadence.weekly': 'elke {weekday} om {time}',
  'cadence.biweekly': 'om de week op {weekday} om {time}',
  'cadence.monthly':
    '{ordinal, select, 1 {op de eerste} 2 {op de tweede} 3 {op de derde} 4 {op de vierde} other {op de laatste}} {weekday} van de maand om {time}',

  'schedule.done': '{community} komt {cadence} samen ({zone}), telkens {duration, plural, one {# minuut} other {# minuten}}.',
  'schedule.where': 'Waar: {where}',
  'schedule.next': 'De volgende bijeenkomst is {when}.',
  'schedule.none': 'Met dit ritme valt er het komende jaar geen bijeenkomst.',
  'schedule.off': '{community} heeft geen rooster meer; ik stuur geen herinneringen.',
  'schedule.alreadyOff': '{community} heeft geen rooster.',

  'remind.done':
    '{count, plural, =0 {Ik stuur geen herinneringen voor de bijeenkomsten van {community}.} one {Ik herinner {community} {list} voor elke bijeenkomst.} other {Ik herinner {community} {list} voor elke bijeenkomst.}}',

  'holiday.done':
    '{community} heeft vakantie van {from} tot en met {to}: {count, plural, =0 {er valt geen bijeenkomst in.} one {# bijeenkomst vervalt.} other {# bijeenkomsten vervallen.}}',
  'holidays.title': 'Vakanties van {community}',
  'holidays.line': '{from} – {to} {name}',
  'holidays.wholeSchool': '(hele school)',
  'holidays.none': 'Er zijn geen vakanties ingesteld. Een trekker voegt er een toe met {command}.',

  'cancel.done': 'De bijeenkomst van {community} op {date} is afgezegd.',
  'cancel.already': 'De bijeenkomst op {date} is al afgezegd.',
  'move.done': 'De bijeenkomst van {community} op {date} is verplaatst naar {when}.',
  'nextMeeting.line': 'De volgende bijeenkomst is {when}.',
  'nextMeeting.none': 'Er is geen bijeenkomst gepland voor {community}.',

  'meeting.title': '{community}: bijeenkomst {ref}',
  'meeting.reminder': '{community} komt samen op {when}.',
  'reminder.cancelled': 'Afgelast: {community} komt niet samen op {when}.',
  'reminder.holiday': 'Vervalt: {community} komt niet samen op {when} ({holiday}).',
  'reminder.unscheduled': 'Niet meer gepland: {community} komt niet samen op {when}, omdat het vergaderschema is gewijzigd.',
  'meeting.label.when': 'Wanneer',
  'meeting.label.where': 'Waar',
  'meeting.label.facilitator': 'Gespreksleider',
  'meeting.label.noteTaker': 'Notulist',
  'meeting.label.attendance': 'Aanwezig',
  'meeting.nobody': 'nog niemand',
  'meeting.agendaTitle': 'Agenda',
  'meeting.agendaEmpty': 'Er staat nog niets op de agenda. Voeg een punt toe met {command}.',
  'meeting.attendance':
    '{yes, plural, =0 {nog niemand heeft zich aangemeld} one {# persoon} other {# personen}}{no, plural, =0 {} one {, # kan niet} other {, # kunnen niet}}',
  'meeting.rsvpYes': 'Ik ben erbij',
  'meeting.rsvpNo': 'Ik kan niet',

  'rsvp.yes': 'Dank je, je staat op de lijst voor {when}.',
  'rsvp.no': 'Genoteerd: je kunt niet op {when}.',
  'rsvp.handedOver': '{name} neemt het over als {duty}.',
  'duty.facilitator': 'gespreksleider',
  'duty.noteTaker': 'notulist',

  'agenda.title': 'Agenda van {community} voor {when}',
  'agenda.titleUnscheduled': 'Agenda van {community}',
  'agenda.line': '{ref} {text} · {name}',
  'agenda.empty': 'De agenda is leeg. Voeg een punt toe met {command}.',
  'agenda.added': '{ref} staat nu op de agenda: {text}',
  'agenda.removed': '{ref} is van de agenda gehaald.',
  'agenda.form.title': 'Toevoegen aan de agenda',
  'agenda.form.text': 'Waarover wil je het hebben?',
  'agenda.form.submit': 'Toevoegen',

  'notes.title': 'Verslag van bijeenkomst {ref} ({when}) door {name}',
  'notes.saved': 'Je verslag van bijeenkomst {ref} staat in het kanaal en is bewaard.',
  'notes.nudge':
    'Jij notuleerde bij de bijeenkomst van {community} op {when}. Deel het verslag met {command}, zodat iedereen het kan lezen.',

  'skipped.text':
    '{count, plural, one {{community} komt niet samen op {dates}: {holiday}.} other {{community} komt op deze dagen niet samen: {dates} ({holiday}).}}',
  'skipped.holiday': 'vakantie',
  'skipped.next': 'De volgende bijeenkomst is {when}.',

  'calendar.link': 'Abonneer je met je eigen link op de bijeenkomsten van {community} in Outlook, Google Agenda of Apple Agenda: {url}',
  'calendar.private':
    'De link is alleen van jou: wie hem heeft, ziet wanneer en waar de bijeenkomsten zijn. Hij werkt niet meer zodra je {community} verlaat; {command} geeft je een nieuwe en zet deze uit.',
  'calendar.reset': 'Je oude agendalink voor {community} werkt niet meer; die van de anderen nog wel. Je nieuwe: {url}',
  'calendar.noPublicUrl': 'Het openbare adres van de bot (PUBLIC_URL) is niet ingesteld; zet het voor de link.',
  'calendar.event': 'Bijeenkomst {community}',
  'calendar.cancelled': 'Afgezegd',
  'calendar.holiday': 'Geen bijeenkomst: {name}',
  'calendar.sharedEnding':
    'Agendalinks voor {community} zijn nu persoonlijk: iedereen heeft een eigen link, die niet meer werkt zodra die persoon vertrekt. De gedeelde link waarop je misschien geabonneerd bent, werkt vanaf {date} niet meer. Typ hier {command} en abonneer je in plaats daarvan op je eigen link, dan blijven de bijeenkomsten in je agenda staan.',

  'home.nextMeeting': 'Volgende bijeenkomst van {community}: {when}',

  'error.noSchedule': '{community} heeft nog geen rooster. Een trekker stelt het in met {command}.',
  'error.noUpcomingMeeting': 'Er komt geen bijeenkomst van {community} aan.',
  'error.unknownMeeting': 'Er is geen bijeenkomst {ref} in {community}.',
  'error.noOccurrence': '{community} heeft geen bijeenkomst op {date}.',
  'error.moveToPast': '{when} is al voorbij. Verplaats de bijeenkomst naar een tijdstip dat nog moet komen.',
  'error.noPastMeeting': '{community} heeft nog geen bijeenkomst gehad.',
  'error.notNoteTaker': 'Alleen de notulist van bijeenkomst {ref} of een trekker kan het verslag delen.',
  'error.badReminders':
    '“{value}” is geen lijst met herinneringen. Schrijf bijvoorbeeld 24h,1h (hoogstens 7 dagen vooraf, hoogstens 5 herinneringen).',
  'error.badMinutes': '“{value}” is geen duur voor een bijeenkomst. Geef het aantal minuten, van 5 tot 600.',
  'error.holidayOrder': 'De vakantie eindigt ({to}) voordat ze begint ({from}).',
  'error.unknownAgendaItem': 'Er is geen agendapunt {ref} in {community}.',
  'error.notYourAgendaItem': 'Alleen wie {ref} toevoegde of een trekker kan het weghalen.',
};

const ar: Record<keyof typeof en, string> = {
  'error.meetingNotStarted': 'لم يبدأ الاجتماع {ref} بعد ({when}). يمكن نشر الملاحظات بعد أن يبدأ.',
  'holiday.allDone':
    'عطلة للمدرسة كلها من {from} إلى {to}: تتخطاها كل المجتمعات ({count, plural, zero {لا مجتمعات} one {مجتمع واحد} two {مجتمعان} few {# مجتمعات} many {# مجتمعًا} other {# مجتمع}} اليوم).',
  'settings.tz.meetings': 'تبقى اجتماعات {community} في الساعة {time} بحسب المنطقة الزمنية الجديدة؛ والاجتماع القادم {when}.',
  'cmd.schedule.usage': 'schedule <الإيقاع> [duration <الدقائق>] [where <المكان أو الرابط>] | schedule off',
  'cmd.schedule.summary': 'حدّد متى يجتمع المجتمع، مثل «weekly tue 15:30»؛ والأمر «schedule off» يوقف الاجتماعات.',
  'cmd.remind.usage': 'remind <24h,1h,…>',
  'cmd.remind.summary': 'اختر كم من الوقت قبل كل اجتماع أذكّر الفريق.',
  'cmd.holiday.usage': 'holiday [all] <من YYYY-MM-DD> <إلى YYYY-MM-DD> [الاسم]',
  'cmd.holiday.summary': 'تخطَّ الاجتماعات بين تاريخين (يشمل التاريخين)؛ والأمر “holiday all” (للمنسقين) يفعل ذلك لكل المجتمعات.',
  'cmd.holidays.usage': 'holidays',
  'cmd.holidays.summary': 'اعرض العطل التي لا يجتمع فيها المجتمع.',
  'cmd.cancel.usage': 'cancel <YYYY-MM-DD>',
  'cmd.cancel.summary': 'ألغِ الاجتماع في ذلك التاريخ.',
  'cmd.move.usage': 'move <YYYY-MM-DD> <التاريخ الجديد YYYY-MM-DD> <HH:MM>',
  'cmd.move.summary': 'انقل اجتماع يوم ما إلى يوم ووقت آخرين.',
  'cmd.next.usage': 'next',
  'cmd.next.summary': 'اعرض الاجتماع القادم مع جدول أعماله ومهامه.',
  'cmd.agenda.usage': 'agenda | agenda add <النص> | agenda remove #n',
  'cmd.agenda.summary': 'اعرض جدول أعمال الاجتماع القادم، أو أضف إليه بندًا، أو احذف بندًا.',
  'cmd.rsvp.usage': 'rsvp yes|no [#الاجتماع]',
  'cmd.rsvp.summary': 'أخبرنا هل ستحضر اجتماعًا (القادم ما لم تحدد غيره).',
  'cmd.notes.usage': 'notes [#الاجتماع] <النص>',
  'cmd.notes.summary': 'انشر محضر اجتماع في القناة واحفظه (كاتب المحضر أو القائد).',
  'cmd.calendar.usage': 'calendar | calendar reset',
  'cmd.calendar.summary': 'احصل على رابط تقويم خاص بك للاجتماعات؛ والأمر «calendar reset» يستبدله.',

  'cadence.weekly': 'كل {weekday} الساعة {time}',
  'cadence.biweekly': 'كل أسبوعين يوم {weekday} الساعة {time}',
  'cadence.monthly': '{ordinal, select, 1 {في أول} 2 {في ثاني} 3 {في ثالث} 4 {في رابع} other {في آخر}} {weekday} من كل شهر الساعة {time}',

  'schedule.done':
    'يجتمع {community} {cadence} ({zone})، لمدة {duration, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.',
  'schedule.where': 'المكان: {where}',
  'schedule.next': 'الاجتماع القادم {when}.',
  'schedule.none': 'لا يقع أي اجتماع خلال العام القادم بهذا الإيقاع.',
  'schedule.off': 'لم يعد لدى {community} جدول اجتماعات؛ لن أرسل أي تذكيرات.',
  'schedule.alreadyOff': 'ليس لدى {community} جدول اجتماعات.',

  'remind.done':
    '{count, plural, zero {لن أرسل أي تذكير قبل اجتماعات {community}.} one {سأذكّر {community} قبل كل اجتماع بمدة {list}.} two {سأذكّر {community} قبل كل اجتماع بمدة {list}.} few {سأذكّر {community} قبل كل اجتماع بمدة {list}.} many {سأذكّر {community} قبل كل اجتماع بمدة {list}.} other {سأذكّر {community} قبل كل اجتماع بمدة {list}.}}',

  'holiday.done':
    'لدى {community} عطلة من {from} إلى {to}: {count, plural, zero {لا يقع فيها أي اجتماع.} one {يُلغى اجتماع واحد.} two {يُلغى اجتماعان.} few {تُلغى # اجتماعات.} many {يُلغى # اجتماعًا.} other {يُلغى # اجتماع.}}',
  'holidays.title': 'عطل {community}',
  'holidays.line': '{from} – {to} {name}',
  'holidays.wholeSchool': '(المدرسة كلها)',
  'holidays.none': 'لا توجد عطل. يضيف القائد عطلة بالأمر {command}.',

  'cancel.done': 'أُلغي اجتماع {community} يوم {date}.',
  'cancel.already': 'اجتماع يوم {date} ملغى بالفعل.',
  'move.done': 'نُقل اجتماع {community} من يوم {date} إلى {when}.',
  'nextMeeting.line': 'الاجتماع القادم {when}.',
  'nextMeeting.none': 'لا يوجد اجتماع مخطط لـ {community}.',

  'meeting.title': '{community}: الاجتماع {ref}',
  'meeting.reminder': 'يجتمع {community} {when}.',
  'reminder.cancelled': 'أُلغي: لن يجتمع {community} {when}.',
  'reminder.holiday': 'لا اجتماع: لن يجتمع {community} {when} ({holiday}).',
  'reminder.unscheduled': 'لم يعد مُجدولًا: لن يجتمع {community} {when}، لأن جدول الاجتماعات تغيّر.',
  'meeting.label.when': 'الموعد',
  'meeting.label.where': 'المكان',
  'meeting.label.facilitator': 'الميسّر',
  'meeting.label.noteTaker': 'كاتب المحضر',
  'meeting.label.attendance': 'الحضور',
  'meeting.nobody': 'لا أحد بعد',
  'meeting.agendaTitle': 'جدول الأعمال',
  'meeting.agendaEmpty': 'لا شيء في جدول الأعمال بعد. أضف بندًا بالأمر {command}.',
  'meeting.attendance':
    '{yes, plural, zero {لم يؤكد أحد حضوره بعد} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}{no, plural, zero {} one {، وشخص واحد لا يستطيع الحضور} two {، وشخصان لا يستطيعان الحضور} few {، و# أشخاص لا يستطيعون الحضور} many {، و# شخصًا لا يستطيعون الحضور} other {، و# شخص لا يستطيعون الحضور}}',
  'meeting.rsvpYes': 'سأحضر',
  'meeting.rsvpNo': 'لا أستطيع الحضور',

  'rsvp.yes': 'شكرًا، اسمك في قائمة الحضور لـ {when}.',
  'rsvp.no': 'سُجّل: لا تستطيع الحضور {when}.',
  'rsvp.handedOver': 'يتولى {name} مهمة {duty}.',
  'duty.facilitator': 'الميسّر',
  'duty.noteTaker': 'كاتب المحضر',

  'agenda.title': 'جدول أعمال {community} لـ {when}',
  'agenda.titleUnscheduled': 'جدول أعمال {community}',
  'agenda.line': '{ref} {text} · {name}',
  'agenda.empty': 'جدول الأعمال فارغ. أضف بندًا بالأمر {command}.',
  'agenda.added': 'أُضيف {ref} إلى جدول الأعمال: {text}',
  'agenda.removed': 'حُذف {ref} من جدول الأعمال.',
  'agenda.form.title': 'إضافة إلى جدول الأعمال',
  'agenda.form.text': 'عمّ تريد أن نتحدث؟',
  'agenda.form.submit': 'إضافة',

  'notes.title': 'محضر الاجتماع {ref} ({when}) بقلم {name}',
  'notes.saved': 'نُشر محضرك للاجتماع {ref} في القناة وحُفظ.',
  'notes.nudge': 'كنت كاتب المحضر في اجتماع {community} {when}. يُرجى نشره بالأمر {command} ليقرأه الجميع.',

  'skipped.text':
    '{count, plural, zero {لا يجتمع {community} في هذه الأيام: {dates} ({holiday}).} one {لا يجتمع {community} يوم {dates}: {holiday}.} two {لا يجتمع {community} في هذين اليومين: {dates} ({holiday}).} few {لا يجتمع {community} في هذه الأيام: {dates} ({holiday}).} many {لا يجتمع {community} في هذه الأيام: {dates} ({holiday}).} other {لا يجتمع {community} في هذه الأيام: {dates} ({holiday}).}}',
  'skipped.holiday': 'عطلة',
  'skipped.next': 'الاجتماع القادم {when}.',

  'calendar.link': 'اشترك في اجتماعات {community} في Outlook أو تقويم Google أو تقويم Apple برابطك الخاص: {url}',
  'calendar.private':
    'هذا الرابط لك وحدك: كل من لديه يرى متى وأين تُعقد الاجتماعات. يتوقف عن العمل عندما تغادر {community}، والأمر {command} يعطيك رابطًا جديدًا ويوقف هذا الرابط.',
  'calendar.reset': 'لم يعد رابط تقويمك القديم في {community} يعمل، وما زالت روابط الآخرين تعمل. رابطك الجديد: {url}',
  'calendar.noPublicUrl': 'العنوان العام للبوت (PUBLIC_URL) غير محدد؛ أضفه قبل الرابط.',
  'calendar.event': 'اجتماع {community}',
  'calendar.cancelled': 'ملغى',
  'calendar.holiday': 'لا اجتماع: {name}',
  'calendar.sharedEnding':
    'أصبحت روابط تقويم {community} شخصية: لكل شخص رابطه الخاص، ويتوقف عن العمل عندما يغادر. الرابط المشترك الذي ربما اشتركت فيه يتوقف عن العمل يوم {date}. لتبقى الاجتماعات في تقويمك، اكتب هنا {command} واشترك في رابطك الخاص بدلًا منه.',

  'home.nextMeeting': 'الاجتماع القادم لـ {community}: {when}',

  'error.noSchedule': 'ليس لدى {community} جدول اجتماعات بعد. يحدده القائد بالأمر {command}.',
  'error.noUpcomingMeeting': 'لا يوجد اجتماع قادم لـ {community}.',
  'error.unknownMeeting': 'لا يوجد اجتماع {ref} في {community}.',
  'error.noOccurrence': 'ليس لدى {community} اجتماع يوم {date}.',
  'error.moveToPast': 'لقد مضى موعد {when} بالفعل. انقل الاجتماع إلى وقت لم يحن بعد.',
  'error.noPastMeeting': 'لم يعقد {community} أي اجتماع بعد.',
  'error.notNoteTaker': 'لا ينشر محضر الاجتماع {ref} إلا كاتب محضره أو القائد.',
  'error.badReminders': '«{value}» ليست قائمة تذكيرات. اكتبها مثل 24h,1h (قبل 7 أيام على الأكثر، و5 تذكيرات على الأكثر).',
  'error.badMinutes': '«{value}» ليست مدة اجتماع. اكتب عدد الدقائق من 5 إلى 600.',
  'error.holidayOrder': 'تنتهي العطلة ({to}) قبل أن تبدأ ({from}).',
  'error.unknownAgendaItem': 'لا يوجد بند {ref} في جدول أعمال {community}.',
  'error.notYourAgendaItem': 'لا يحذف {ref} إلا من أضافه أو القائد.',
};

export const messages = defineMessages({ en, de, da, nl, ar });
