import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

/** The issuer of the tokens the Bot Framework signs for bots (botframework-connector's ToBotFromChannelTokenIssuer). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** A token's claims; numbers are seconds since the epoch, as in every JWT. */
export type Claims = Record<string, unknown>;

/** Which key signs a token: the published one, or one the metadata never listed (under the published kid, or its own). */
export type Signer = 'published' | 'stranger' | 'stranger-with-own-kid';

/** The settings botbuilder builds a bot's credentials from. */
type CredentialSettings = ConstructorParameters<typeof ConfigurationServiceClientCredentialFactory>[0];
type Credentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;

/**
 * A local stand-in for Microsoft's identity side of the Bot Framework: the OpenID metadata document and the
 * JWKS it points to (what botbuilder fetches to check the token on every request from Teams), a signer for
 * such tokens, and the bot's own outbound credentials, issued here instead of by Entra ID.
 */
export class BotFrameworkIdentityDouble {
  /** How many times the metadata and the keys were fetched. */
  fetches = 0;
  readonly #published = rsaKey();
  readonly #stranger = rsaKey();
  readonly #kid = randomUUID();

  private constructor(
    private readonly server: Server,
    /** botbuilder caches metadata by URL for a day: a fresh path per double, so no test reads another's keys. */
    private readonly base: string,
  ) {}

  /** Starts the double on a free loopback port. */
  static async start(): Promise<BotFrameworkIdentityDouble> {
    let double: BotFrameworkIdentityDouble | null = null;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const body = double?.answer(path ?? '/');
      if (!body) return void res.writeHead(404).end();
      if (double) double.fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
    double = new BotFrameworkIdentityDouble(server, `http://127.0.0.1:${port}/${randomUUID()}`);
    return double;
  }

  /** The OpenID metadata URL to give botbuilder (ToBotFromChannelOpenIdMetadataUrl). */
  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }

  /**
   * A token as the Bot Framework sends it to a bot: for `appId`, naming the connector at `serviceUrl`, valid
   * from a minute ago for an hour; `claims` replace or add to those, `undefined` removes one.
   */
  token(appId: string, serviceUrl: string, claims: Claims = {}, signer: Signer = 'published'): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = Object.fromEntries(
      Object.entries({
        iss: BOT_FRAMEWORK_ISSUER,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...claims,
      }).filter(([, v]) => v !== undefined),
    );
    const kid = signer === 'stranger-with-own-kid' ? randomUUID() : this.#kid;
    return jwt({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }, payload, signer === 'published' ? this.#published : this.#stranger);
  }

  /**
   * The bot's credentials for calls to the Bot Connector, as botbuilder would make them from `settings`, but
   * with a token issued here: Entra ID is not on loopback. The app id is checked as botbuilder checks it.
   */
  credentials(settings: CredentialSettings): ConfigurationServiceClientCredentialFactory {
    const issue = (appId: string, audience: string) =>
      jwt({ alg: 'RS256', typ: 'JWT', kid: this.#kid }, { iss: `${this.base}/entra`, aud: audience, appid: appId }, this.#published);
    return new IssuedCredentials(settings, issue);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(path: string): object | null {
    const prefix = new URL(this.base).pathname;
    if (path === `${prefix}/v1/.well-known/openidconfiguration`)
      return {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${this.base}/v1/.well-known/authorize`,
        jwks_uri: `${this.base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      };
    if (path === `${prefix}/v1/.well-known/keys`) {
      const { n, e } = this.#published.public;
      // The Bot Framework endorses each key for the channels it signs for; botbuilder checks the activity's channel.
      return { keys: [{ kty: 'RSA', use: 'sig', kid: this.#kid, x5t: this.#kid, n, e, endorsements: ['msteams'] }] };
    }
    return null;
  }
}

class IssuedCredentials extends ConfigurationServiceClientCredentialFactory {
  constructor(
    settings: CredentialSettings,
    private readonly issue: (appId: string, audience: string) => string,
  ) {
    super(settings);
  }

  override async createCredentials(appId: string, audience: string): Promise<Credentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    const token = this.issue(appId, audience);
    return {
      async signRequest(resource) {
        resource.headers.set('authorization', `Bearer ${token}`);
        return resource;
      },
    };
  }
}

interface RsaKey {
  private: KeyObject;
  public: { n: string; e: string };
}

function rsaKey(): RsaKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  return { private: privateKey, public: { n: jwk.n as string, e: jwk.e as string } };
}

/** A compact JWS, RS256, as Microsoft's token services write them. */
function jwt(header: object, payload: object, key: RsaKey): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signed = `${part(header)}.${part(payload)}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), key.private).toString('base64url')}`;
}
