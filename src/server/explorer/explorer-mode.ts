import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { type ExplorerMode } from '../../config/app-config.js';

/**
 * Apollo's landing-page plugin for the mode. Only `sandbox` uses Apollo's page; GraphiQL is served
 * by our HTTP handler (see graphiql-page.ts), so Apollo's page is disabled for it and for `off`.
 */
export function landingPagePlugin<TContext extends object>(mode: ExplorerMode): ApolloServerPlugin<TContext> {
  return mode === 'sandbox'
    ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
    : ApolloServerPluginLandingPageDisabled();
}
