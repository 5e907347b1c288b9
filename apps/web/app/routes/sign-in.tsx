import { useTranslation } from 'react-i18next';
import { Form, redirect, useActionData, useSearchParams } from 'react-router';
import { Field } from '../components/field';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formErrors } from '../lib/form-errors';
import { safeReturnTo } from '../lib/safe-redirect';
import { requestInfo } from '../request-context';
import { startSession } from '../session.server';
import type { Route } from './+types/sign-in';
import { pageTitle } from '../lib/page-title';
import { FormErrorList } from '../components/form-errors';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
    }
  }
`);

const FIELDS = ['email', 'password'] as const;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const result = await callApi(context.get(requestInfo), LoginMutation, {
    input: { email, password },
  });
  if (result.ok) {
    return redirect(safeReturnTo(form.get('returnTo')), {
      headers: { 'set-cookie': await startSession(result.data.login.token) },
    });
  }
  const wrongCredentials = result.errors.some((error) => error.code === 'UNAUTHENTICATED');
  return { email, wrongCredentials, errors: formErrors(result.errors, FIELDS) };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, 'auth.signInTitle') }];
}

export default function SignIn() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="returnTo" value={safeReturnTo(params.get('returnTo'))} />
        {result?.wrongCredentials && (
          <p className="error" role="alert">
            {t('auth.wrongCredentials')}
          </p>
        )}
        {!result?.wrongCredentials && <FormErrorList messages={result?.errors.form} />}
        <Field
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={result?.email}
          error={result?.errors.fields.email}
          required
        />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          error={result?.errors.fields.password}
          required
        />
        <button type="submit" className="primary">
          {t('auth.submitSignIn')}
        </button>
      </Form>
      <p>
        <a href="/forgot-password">{t('auth.forgotPassword')}</a>
      </p>
      <p>
        {t('auth.noAccount')}{' '}
        <a href={`/sign-up?returnTo=${encodeURIComponent(safeReturnTo(params.get('returnTo')))}`}>
          {t('site.signUp')}
        </a>
      </p>
    </section>
  );
}
