import { useTranslation } from 'react-i18next';
import { Form, redirect, useActionData, useSearchParams } from 'react-router';
import { Field } from '../components/field';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formErrors } from '../lib/form-errors';
import { requestInfo } from '../request-context';
import { startSession } from '../session.server';
import type { Route } from './+types/reset-password';
import { pageTitle } from '../lib/page-title';
import { FormErrorList } from '../components/form-errors';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      token
    }
  }
`);

/** The page an emailed reset link opens: a new password, then signed in (every other session ends). */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  const result = await callApi(context.get(requestInfo), ResetPasswordMutation, {
    token,
    password,
  });
  if (result.ok) {
    return redirect('/', {
      headers: { 'set-cookie': await startSession(result.data.resetPassword.token) },
    });
  }
  return { errors: formErrors(result.errors, ['token', 'password']) };
}

export function meta({ matches }: Route.MetaArgs) {
  return [
    { title: pageTitle(matches, 'auth.resetTitle') },
    { name: 'referrer', content: 'no-referrer' },
  ];
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const tokenError = result?.errors.fields.token;
  return (
    <section className="narrow">
      <h1>{t('auth.resetTitle')}</h1>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="token" value={params.get('token') ?? ''} />
        {tokenError && (
          <p className="error" role="alert">
            {tokenError} <a href="/forgot-password">{t('auth.askAgain')}</a>
          </p>
        )}
        <FormErrorList messages={result?.errors.form} />
        <Field
          label={t('auth.newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          error={result?.errors.fields.password}
          required
        />
        <button type="submit" className="primary">
          {t('auth.setPassword')}
        </button>
      </Form>
    </section>
  );
}
