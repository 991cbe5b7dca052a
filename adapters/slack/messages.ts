import { defineMessages } from '../../src/i18n/define.js';
import { localMessages } from '../../src/i18n/translate.js';

/** What only the Slack adapter says: modals, uploads, cut-off messages, the shortcut's answer and refusals of other workspaces. */
export const slack = defineMessages({
  en: {
    'slack.cancel': 'Cancel',
    'slack.checkField': 'Please check this field.',
    'slack.truncated': 'This message was too long for Slack, so the end is cut off.',
    'slack.uploadFailed': 'I could not upload {file}. Please try again later.',
    'slack.notAllowed': 'This PLC bot is not set up for this workspace, so nothing was done. Ask whoever runs the bot to add it.',
    'slack.installRefused':
      'This PLC bot is not set up for your workspace, so it was not installed. Ask whoever runs the bot to add your workspace.',
  },
  de: {
    'slack.cancel': 'Abbrechen',
    'slack.checkField': 'Bitte prüfe dieses Feld.',
    'slack.truncated': 'Diese Nachricht war für Slack zu lang, daher fehlt das Ende.',
    'slack.uploadFailed': 'Ich konnte {file} nicht hochladen. Bitte versuche es später noch einmal.',
    'slack.notAllowed':
      'Dieser PLC-Bot ist für diesen Workspace nicht eingerichtet, daher ist nichts passiert. Bitte die Person, die den Bot betreibt, diesen Workspace freizugeben.',
    'slack.installRefused':
      'Dieser PLC-Bot ist für deinen Workspace nicht eingerichtet, daher wurde er nicht installiert. Bitte die Person, die den Bot betreibt, deinen Workspace freizugeben.',
  },
  da: {
    'slack.cancel': 'Annuller',
    'slack.checkField': 'Tjek venligst dette felt.',
    'slack.truncated': 'Denne besked var for lang til Slack, så slutningen er skåret af.',
    'slack.uploadFailed': 'Jeg kunne ikke uploade {file}. Prøv igen senere.',
    'slack.notAllowed':
      'Denne PLC-bot er ikke sat op til dette arbejdsområde, så der skete ingenting. Bed den, der driver botten, om at give arbejdsområdet adgang.',
    'slack.installRefused':
      'Denne PLC-bot er ikke sat op til dit arbejdsområde, så den blev ikke installeret. Bed den, der driver botten, om at give dit arbejdsområde adgang.',
  },
  nl: {
    'slack.cancel': 'Annuleren',
    'slack.checkField': 'Controleer dit veld.',
    'slack.truncated': 'Dit bericht was te lang voor Slack, dus het einde ontbreekt.',
    'slack.uploadFailed': 'Ik kon {file} niet uploaden. Probeer het later opnieuw.',
    'slack.notAllowed':
      'Deze PLC-bot is niet ingesteld voor deze werkruimte, dus er is niets gedaan. Vraag wie de bot beheert om deze werkruimte toe te voegen.',
    'slack.installRefused':
      'Deze PLC-bot is niet ingesteld voor jouw werkruimte, dus hij is niet geïnstalleerd. Vraag wie de bot beheert om je werkruimte toe te voegen.',
  },
  ar: {
    'slack.cancel': 'إلغاء',
    'slack.checkField': 'يرجى التحقق من هذا الحقل.',
    'slack.truncated': 'كانت هذه الرسالة أطول مما يسمح به Slack، لذا حُذف آخرها.',
    'slack.uploadFailed': 'تعذّر عليّ رفع {file}. يرجى المحاولة لاحقًا.',
    'slack.notAllowed': 'لم يُعدّ روبوت مجتمع التعلّم هذا لمساحة العمل هذه، لذا لم يُنفَّذ شيء. اطلب ممن يدير الروبوت إضافة مساحة العمل هذه.',
    'slack.installRefused': 'لم يُعدّ روبوت مجتمع التعلّم هذا لمساحة عملك، لذا لم يُثبَّت. اطلب ممن يدير الروبوت إضافة مساحة عملك.',
  },
});

/** The Slack adapter's own formatters, typed by its keys. */
export const { t: slackT, tr: slackTr } = localMessages(slack);
