import { type ApolloServerPlugin } from '@apollo/server';
import { type RequestContext } from '../context.js';

/** Returns the request's tenant client lease to the pool once the response has been produced. */
export const releaseTenantLeasePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        contextValue.release();
      },
    };
  },
};
