import { defineMessages } from '../../src/i18n/define.js';
import { localMessages } from '../../src/i18n/translate.js';

/** What only the Slack adapter says: modals, uploads, cut-off messages and the shortcut's answer. */
export const slack = defineMessages({
  en: {
    'slack.cancel': 'Cancel',
    'slack.checkField': 'Please check this field.',
    'slack.truncated': 'This message was too long for Slack, so the end is cut off.',
    'slack.uploadFailed': 'I could not upload {file}. Please try again later.',
    'slack.libraryLater':
      'Saving messages to the PLC library arrives with the resource library. Until then, keep the link to this message.',
  },
  de: {
    'slack.cancel': 'Abbrechen',
    'slack.checkField': 'Bitte prüfe dieses Feld.',
    'slack.truncated': 'Diese Nachricht war für Slack zu lang, daher fehlt das Ende.',
    'slack.uploadFailed': 'Ich konnte {file} nicht hochladen. Bitte versuche es später noch einmal.',
    'slack.libraryLater':
      'Nachrichten in der PLC-Bibliothek speichern kommt mit der Materialbibliothek. Bis dahin behalte bitte den Link zu dieser Nachricht.',
  },
  da: {
    'slack.cancel': 'Annuller',
    'slack.checkField': 'Tjek venligst dette felt.',
    'slack.truncated': 'Denne besked var for lang til Slack, så slutningen er skåret af.',
    'slack.uploadFailed': 'Jeg kunne ikke uploade {file}. Prøv igen senere.',
    'slack.libraryLater':
      'At gemme beskeder i PLC-biblioteket kommer sammen med materialebiblioteket. Indtil da kan du gemme linket til denne besked.',
  },
  nl: {
    'slack.cancel': 'Annuleren',
    'slack.checkField': 'Controleer dit veld.',
    'slack.truncated': 'Dit bericht was te lang voor Slack, dus het einde ontbreekt.',
    'slack.uploadFailed': 'Ik kon {file} niet uploaden. Probeer het later opnieuw.',
    'slack.libraryLater':
      'Berichten bewaren in de PLC-bibliotheek komt met de bronnenbibliotheek. Bewaar tot die tijd de link naar dit bericht.',
  },
  ar: {
    'slack.cancel': 'إلغاء',
    'slack.checkField': 'يرجى التحقق من هذا الحقل.',
    'slack.truncated': 'كانت هذه الرسالة أطول مما يسمح به Slack، لذا حُذف آخرها.',
    'slack.uploadFailed': 'تعذّر عليّ رفع {file}. يرجى المحاولة لاحقًا.',
    'slack.libraryLater': 'سيتوفر حفظ الرسائل في مكتبة مجتمع التعلّم مع مكتبة الموارد. حتى ذلك الحين، احتفظ برابط هذه الرسالة.',
  },
});

/** The Slack adapter's own formatters, typed by its keys. */
export const { t: slackT, tr: slackTr } = localMessages(slack);
