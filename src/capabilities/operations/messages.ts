import { defineMessages } from '../../i18n/define.js';

/** Running a school year: quiet hours and workdays for the workspace. */
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
};

export const messages = defineMessages({ en, de, da, nl, ar });
