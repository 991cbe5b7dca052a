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

/** The settings botbuilder's ConfigurationBotFrameworkAuthentication reads; empty turns authentication off. */
export function botFrameworkSettings(auth: TeamsAuth): Record<string, string> {
  if (auth.kind === 'none') return {};
  const settings: Record<string, string> = { MicrosoftAppId: auth.appId, MicrosoftAppType: auth.appType };
  if (auth.password) settings.MicrosoftAppPassword = auth.password;
  if (auth.tenantId) settings.MicrosoftAppTenantId = auth.tenantId;
  return settings;
}
