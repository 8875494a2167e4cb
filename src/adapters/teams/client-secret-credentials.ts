import { ConfigurationServiceClientCredentialFactory } from "botbuilder";

type Credentials = Awaited<
  ReturnType<ConfigurationServiceClientCredentialFactory["createCredentials"]>
>;
type SignableRequest = Parameters<Credentials["signRequest"]>[0];

/**
 * The bot's own token from an OAuth 2 client-credentials endpoint that is not Microsoft Entra's
 * public login (a sovereign or private cloud, a test fake): a plain form POST, since MSAL only
 * talks to https authorities it can discover.
 */
class ClientSecretCredentials {
  private token: { value: string; until: number } | undefined;

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly tokenUrl: string,
    private readonly scope: string,
  ) {}

  async signRequest(request: SignableRequest): Promise<SignableRequest> {
    request.headers.set("Authorization", `Bearer ${await this.accessToken()}`);
    return request;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const res = await fetch(this.tokenUrl, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: this.appId,
        client_secret: this.secret,
        scope: `${this.scope.replace(/\/$/, "")}/.default`,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`the token endpoint answered HTTP ${res.status}`);
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error("the token endpoint sent no access_token");
    const lifetimeMs = (body.expires_in ?? 3600) * 1000;
    this.token = { value: body.access_token, until: Date.now() + lifetimeMs - 60_000 };
    return body.access_token;
  }
}

/** Password credentials whose tokens come from `loginUrl`/oauth2/v2.0/token instead of MSAL. */
export class ClientSecretCredentialFactory extends ConfigurationServiceClientCredentialFactory {
  private readonly cache = new Map<string, ClientSecretCredentials>();

  constructor(
    private readonly botAppId: string,
    private readonly secret: string,
    private readonly loginUrl: string,
  ) {
    super({
      MicrosoftAppId: botAppId,
      MicrosoftAppPassword: secret,
      MicrosoftAppType: "MultiTenant",
    });
  }

  override async createCredentials(appId: string, audience: string | undefined) {
    if (appId !== this.botAppId) throw new Error("Invalid appId.");
    const scope = audience ?? "https://api.botframework.com";
    let credentials = this.cache.get(scope);
    if (!credentials) {
      const tokenUrl = `${this.loginUrl.replace(/\/+$/, "")}/oauth2/v2.0/token`;
      credentials = new ClientSecretCredentials(appId, this.secret, tokenUrl, scope);
      this.cache.set(scope, credentials);
    }
    return credentials as unknown as Credentials;
  }
}
