/**
 * How a caller proves whom it acts for, and the account's own REST resources. API calls pass {@link ApiKeyFilter},
 * which turns a bearer key into the request's {@link CurrentTenant} or answers 401/403 before any resource runs;
 * resources marked {@link OperatorApi} skip it and answer to the operator key instead. The admin pages sign people in
 * with Jakarta Security ({@link UserIdentityStore}, {@link SignInPage}), and every change made from a page goes
 * through {@link AdminActions}, the role check that counts. The resources for the account, its keys and users are thin.
 */
package io.hookline.tenant.boundary;
