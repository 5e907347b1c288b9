import { useTranslation } from 'react-i18next';
import { Form, redirect, useActionData, useSearchParams } from 'react-router';
import { Field } from '../components/field';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formErrors } from '../lib/form-errors';
import { safeReturnTo } from '../lib/safe-redirect';
import { requestInfo } from '../request-context';
import { startSession } from '../session.server';
import type { Route } from './+types/sign-up';
import { pageTitle } from '../lib/page-title';
import { FormErrorList } from '../components/form-errors';

const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      token
    }
  }
`);

const FIELDS = ['handle', 'email', 'password'] as const;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const input = {
    handle: String(form.get('handle') ?? ''),
    email: String(form.get('email') ?? ''),
    password: String(form.get('password') ?? ''),
  };
  const result = await callApi(context.get(requestInfo), RegisterMutation, { input });
  if (result.ok) {
    return redirect(safeReturnTo(form.get('returnTo')), {
      headers: { 'set-cookie': await startSession(result.data.register.token) },
    });
  }
  return { handle: input.handle, email: input.email, errors: formErrors(result.errors, FIELDS) };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, 'auth.signUpTitle') }];
}

export default function SignUp() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  return (
    <section className="narrow">
      <h1>{t('auth.signUpTitle')}</h1>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <FormErrorList messages={result?.errors.form} />
        <Field
          label={t('auth.handle')}
          name="handle"
          autoComplete="username"
          hint={t('auth.handleHint')}
          defaultValue={result?.handle}
          error={result?.errors.fields.handle}
          required
        />
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
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          error={result?.errors.fields.password}
          required
        />
        <button type="submit" className="primary">
          {t('auth.submitSignUp')}
        </button>
      </Form>
      <p>
        {t('auth.haveAccount')}{' '}
        <a href={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>{t('site.signIn')}</a>
      </p>
    </section>
  );
}
