import type { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants } from 'botbuilder';
import type { Config } from '../../src/config.js';
import { TeamsConfigError } from './errors.js';

/** How the Teams adapter authenticates: a Bot Framework registration, or none for local testing. */
export type TeamsAuth =
  | { kind: 'none' }
  | {
      kind: 'registered';
      appId: string;
      appType: 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';
      password?: string;
      tenantId?: string;
    };

/** Reads the Teams settings; refuses to run unauthenticated in production or half configured. */
export function teamsAuth(config: Config): TeamsAuth {
  const appId = config.MICROSOFT_APP_ID;
  if (!appId) {
    if (config.NODE_ENV === 'production')
      throw new TeamsConfigError('MICROSOFT_APP_ID is not set: the Teams adapter will not run without authentication in production.');
    return { kind: 'none' };
  }
  const appType = config.MICROSOFT_APP_TYPE ?? 'SingleTenant';
  if (appType === 'UserAssignedMSI') {
    if (!config.MICROSOFT_APP_TENANT_ID) throw new TeamsConfigError('MICROSOFT_APP_TYPE=UserAssignedMSI needs MICROSOFT_APP_TENANT_ID.');
    return { kind: 'registered', appId, appType, tenantId: config.MICROSOFT_APP_TENANT_ID };
  }
  if (!config.MICROSOFT_APP_PASSWORD) throw new TeamsConfigError(`MICROSOFT_APP_TYPE=${appType} needs MICROSOFT_APP_PASSWORD.`);
  if (appType === 'SingleTenant' && !config.MICROSOFT_APP_TENANT_ID)
    throw new TeamsConfigError('MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID.');
  return { kind: 'registered', appId, appType, password: config.MICROSOFT_APP_PASSWORD, tenantId: config.MICROSOFT_APP_TENANT_ID };
}

/**
 * Where botbuilder meets Microsoft's identity services, for tests that put local doubles there. Production
 * passes nothing and botbuilder uses the public cloud.
 */
export interface BotFrameworkCloud {
  /** The OpenID metadata whose JWKS lists the keys that Bot Framework tokens are signed with. */
  openIdMetadataUrl?: string;
  /** How the bot gets its own token for calls to the Bot Connector (botbuilder asks Entra ID). */
  credentials?: ConstructorParameters<typeof TeamsAdapter>[1];
}

/**
 * botbuilder's public-cloud settings (botframework-connector's AuthenticationConstants). Setting any one of
 * them makes botbuilder read them all, so moving the metadata URL means spelling out the rest.
 */
const PUBLIC_CLOUD: Record<string, string> = {
  ValidateAuthority: 'true',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/** The settings botbuilder's ConfigurationBotFrameworkAuthentication reads; empty turns authentication off. */
export function botFrameworkSettings(auth: TeamsAuth, cloud: BotFrameworkCloud = {}): Record<string, string> {
  if (auth.kind === 'none') return {};
  const settings: Record<string, string> = { MicrosoftAppId: auth.appId, MicrosoftAppType: auth.appType };
  if (auth.password) settings.MicrosoftAppPassword = auth.password;
  if (auth.tenantId) settings.MicrosoftAppTenantId = auth.tenantId;
  if (cloud.openIdMetadataUrl) {
    // Emulator tokens are checked against keys too: both point at the same metadata, so no token is checked elsewhere.
    Object.assign(settings, PUBLIC_CLOUD, {
      ToBotFromChannelOpenIdMetadataUrl: cloud.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: cloud.openIdMetadataUrl,
    });
  }
  return settings;
}

/**
 * Microsoft's Bot Connector hosts for Teams: the public cloud (its regions are paths: /amer/, /emea/, /apac/,
 * /teams/), GCC, GCC High and DoD. A service URL must name one of them exactly.
 */
export const BOT_FRAMEWORK_SERVICE_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

/** The hosts an authenticated activity's service URL may name: TEAMS_SERVICE_URL_HOSTS, else Microsoft's. */
export function serviceUrlHosts(config: Config): readonly string[] {
  return config.TEAMS_SERVICE_URL_HOSTS ?? BOT_FRAMEWORK_SERVICE_HOSTS;
}
