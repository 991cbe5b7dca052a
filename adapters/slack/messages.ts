import { defineMessages } from '../../src/i18n/define.js';
import { localMessages } from '../../src/i18n/translate.js';

/** What only the Slack adapter says: channel join offers, modals, uploads, the install greeting. */
export const slack = defineMessages({
  en: {
    'slack.joinOffer': 'This channel is the home of the {community} community. Would you like to join it?',
    'slack.joinButton': 'Join {community}',
    'slack.cancel': 'Cancel',
    'slack.checkField': 'Please check this field.',
    'slack.truncated': 'This message was too long for Slack, so the end is cut off.',
    'slack.uploadFailed': 'I could not upload {file}. Please try again later.',
    'slack.libraryLater':
      'Saving messages to the PLC library arrives with the resource library. Until then, keep the link to this message.',
    'slack.installed': 'The PLC bot is installed. You are this workspace’s coordinator: start a community with {command}.',
  },
  de: {
    'slack.joinOffer': 'Dieser Kanal ist das Zuhause der Gemeinschaft {community}. Möchtest du beitreten?',
    'slack.joinButton': '{community} beitreten',
    'slack.cancel': 'Abbrechen',
    'slack.checkField': 'Bitte prüfe dieses Feld.',
    'slack.truncated': 'Diese Nachricht war für Slack zu lang, daher fehlt das Ende.',
    'slack.uploadFailed': 'Ich konnte {file} nicht hochladen. Bitte versuche es später noch einmal.',
    'slack.libraryLater':
      'Nachrichten in der PLC-Bibliothek speichern kommt mit der Materialbibliothek. Bis dahin behalte bitte den Link zu dieser Nachricht.',
    'slack.installed': 'Der PLC-Bot ist installiert. Du koordinierst diesen Workspace: Starte eine Gemeinschaft mit {command}.',
  },
  da: {
    'slack.joinOffer': 'Denne kanal er hjemsted for fællesskabet {community}. Vil du være med?',
    'slack.joinButton': 'Bliv medlem af {community}',
    'slack.cancel': 'Annuller',
    'slack.checkField': 'Tjek venligst dette felt.',
    'slack.truncated': 'Denne besked var for lang til Slack, så slutningen er skåret af.',
    'slack.uploadFailed': 'Jeg kunne ikke uploade {file}. Prøv igen senere.',
    'slack.libraryLater':
      'At gemme beskeder i PLC-biblioteket kommer sammen med materialebiblioteket. Indtil da kan du gemme linket til denne besked.',
    'slack.installed': 'PLC-botten er installeret. Du er koordinator for dette workspace: start et fællesskab med {command}.',
  },
  nl: {
    'slack.joinOffer': 'Dit kanaal is de thuisbasis van de gemeenschap {community}. Wil je lid worden?',
    'slack.joinButton': 'Word lid van {community}',
    'slack.cancel': 'Annuleren',
    'slack.checkField': 'Controleer dit veld.',
    'slack.truncated': 'Dit bericht was te lang voor Slack, dus het einde ontbreekt.',
    'slack.uploadFailed': 'Ik kon {file} niet uploaden. Probeer het later opnieuw.',
    'slack.libraryLater':
      'Berichten bewaren in de PLC-bibliotheek komt met de bronnenbibliotheek. Bewaar tot die tijd de link naar dit bericht.',
    'slack.installed': 'De PLC-bot is geïnstalleerd. Jij bent de coördinator van deze werkruimte: start een gemeenschap met {command}.',
  },
  ar: {
    'slack.joinOffer': 'هذه القناة هي موطن مجتمع {community}. هل تريد الانضمام إليه؟',
    'slack.joinButton': 'انضم إلى {community}',
    'slack.cancel': 'إلغاء',
    'slack.checkField': 'يرجى التحقق من هذا الحقل.',
    'slack.truncated': 'كانت هذه الرسالة أطول مما يسمح به Slack، لذا حُذف آخرها.',
    'slack.uploadFailed': 'تعذّر عليّ رفع {file}. يرجى المحاولة لاحقًا.',
    'slack.libraryLater': 'سيتوفر حفظ الرسائل في مكتبة مجتمع التعلّم مع مكتبة الموارد. حتى ذلك الحين، احتفظ برابط هذه الرسالة.',
    'slack.installed': 'تم تثبيت بوت مجتمع التعلّم المهني. أنت منسّق مساحة العمل هذه: ابدأ مجتمعًا باستخدام {command}.',
  },
});

/** The Slack adapter's own formatters, typed by its keys. */
export const { t: slackT, tr: slackTr } = localMessages(slack);
