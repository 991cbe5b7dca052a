import { defineMessages } from '../../src/i18n/define.js';
import { localMessages } from '../../src/i18n/translate.js';

/** What the Teams adapter itself says: the welcome on install, card answers and file consent. */
const en = {
  'teams.done': 'Done.',
  'teams.file.description': 'Your file {name} ({size, number} bytes). Accept to save it to your OneDrive.',
  'teams.file.sent': 'Here is your file {name}.',
  'teams.file.declined': 'All right, I did not send {name}.',
  'teams.file.expired': 'That file is no longer available. Ask for it again.',
  'teams.file.personalOnly': 'I can only send files in our personal chat.',
  'teams.more': '{count, plural, one {# more item is} other {# more items are}} not shown here, so that the message fits in Teams.',
  'teams.required': '{field} is required.',
  'teams.choose': 'Choose',
  'teams.choosePlaceholder': 'Choose…',
  'teams.chooseMissing': 'Choose one of the options first.',
  'teams.notAllowed':
    'This PLC bot is not set up for your organisation, so nothing was done. Ask whoever runs the bot to add your organisation.',
};

export const teams = defineMessages({
  en,
  de: {
    'teams.done': 'Erledigt.',
    'teams.file.description': 'Deine Datei {name} ({size, number} Bytes). Nimm sie an, um sie in deinem OneDrive zu speichern.',
    'teams.file.sent': 'Hier ist deine Datei {name}.',
    'teams.file.declined': 'In Ordnung, ich habe {name} nicht gesendet.',
    'teams.file.expired': 'Diese Datei ist nicht mehr verfügbar. Fordere sie bitte erneut an.',
    'teams.file.personalOnly': 'Dateien kann ich nur in unserem persönlichen Chat senden.',
    'teams.more':
      '{count, plural, one {# weiterer Eintrag wird} other {# weitere Einträge werden}} hier nicht gezeigt, damit die Nachricht in Teams passt.',
    'teams.required': '{field} ist ein Pflichtfeld.',
    'teams.choose': 'Auswählen',
    'teams.choosePlaceholder': 'Auswählen…',
    'teams.chooseMissing': 'Wähle zuerst eine der Möglichkeiten.',
    'teams.notAllowed':
      'Dieser PLC-Bot ist für deine Organisation nicht eingerichtet, daher ist nichts passiert. Bitte die Person, die den Bot betreibt, deine Organisation freizugeben.',
  },
  da: {
    'teams.done': 'Klaret.',
    'teams.file.description': 'Din fil {name} ({size, number} bytes). Accepter for at gemme den på dit OneDrive.',
    'teams.file.sent': 'Her er din fil {name}.',
    'teams.file.declined': 'Helt i orden, jeg sendte ikke {name}.',
    'teams.file.expired': 'Den fil er ikke længere tilgængelig. Bed om den igen.',
    'teams.file.personalOnly': 'Jeg kan kun sende filer i vores personlige chat.',
    'teams.more': '{count, plural, one {# punkt mere vises} other {# punkter mere vises}} ikke her, så beskeden kan være i Teams.',
    'teams.required': '{field} skal udfyldes.',
    'teams.choose': 'Vælg',
    'teams.choosePlaceholder': 'Vælg…',
    'teams.chooseMissing': 'Vælg først en af mulighederne.',
    'teams.notAllowed':
      'Denne PLC-bot er ikke sat op til din organisation, så der skete ingenting. Bed den, der driver botten, om at give din organisation adgang.',
  },
  nl: {
    'teams.done': 'Klaar.',
    'teams.file.description': 'Je bestand {name} ({size, number} bytes). Accepteer om het in je OneDrive op te slaan.',
    'teams.file.sent': 'Hier is je bestand {name}.',
    'teams.file.declined': 'Prima, ik heb {name} niet verstuurd.',
    'teams.file.expired': 'Dat bestand is niet meer beschikbaar. Vraag het opnieuw aan.',
    'teams.file.personalOnly': 'Ik kan alleen bestanden versturen in onze persoonlijke chat.',
    'teams.more': '{count, plural, one {# item wordt} other {# items worden}} hier niet getoond, zodat het bericht in Teams past.',
    'teams.required': '{field} is verplicht.',
    'teams.choose': 'Kiezen',
    'teams.choosePlaceholder': 'Kies…',
    'teams.chooseMissing': 'Kies eerst een van de opties.',
    'teams.notAllowed':
      'Deze PLC-bot is niet ingesteld voor jouw organisatie, dus er is niets gedaan. Vraag wie de bot beheert om je organisatie toe te voegen.',
  },
  ar: {
    'teams.done': 'تم.',
    'teams.file.description': 'ملفك {name} ({size, number} بايت). اقبله لحفظه في OneDrive الخاص بك.',
    'teams.file.sent': 'إليك ملفك {name}.',
    'teams.file.declined': 'حسنًا، لم أرسل {name}.',
    'teams.file.expired': 'هذا الملف لم يعد متاحًا. اطلبه مرة أخرى.',
    'teams.file.personalOnly': 'لا يمكنني إرسال الملفات إلا في محادثتنا الشخصية.',
    'teams.more':
      '{count, plural, zero {لا يوجد عنصر آخر} one {لا يظهر هنا عنصر آخر} two {لا يظهر هنا عنصران آخران} few {لا تظهر هنا # عناصر أخرى} many {لا يظهر هنا # عنصرًا آخر} other {لا يظهر هنا # عنصر آخر}} لكي تتسع الرسالة في Teams.',
    'teams.required': 'الحقل {field} مطلوب.',
    'teams.choose': 'اختر',
    'teams.choosePlaceholder': 'اختر…',
    'teams.chooseMissing': 'اختر أحد الخيارات أولًا.',
    'teams.notAllowed': 'لم يُعدّ روبوت مجتمع التعلّم هذا لمؤسستك، لذا لم يُنفَّذ شيء. اطلب ممن يدير الروبوت إضافة مؤسستك.',
  },
});

/** The Teams adapter's own formatters, typed by its keys. */
export const { t: teamsT, tr: teamsTr } = localMessages(teams);
