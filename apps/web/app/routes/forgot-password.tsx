import { useTranslation } from 'react-i18next';
import { Form, useActionData } from 'react-router';
import { Field } from '../components/field';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formErrors } from '../lib/form-errors';
import { requestInfo } from '../request-context';
import type { Route } from './+types/forgot-password';
import { pageTitle } from '../lib/page-title';
import { FormErrorList } from '../components/form-errors';

const RequestResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  const result = await callApi(context.get(requestInfo), RequestResetMutation, { email });
  // The API answers the same whether or not the email is known; so does this page.
  if (result.ok) return { sent: true as const, email };
  return { sent: false as const, email, errors: formErrors(result.errors, ['email']) };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, 'auth.forgotTitle') }];
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  if (result?.sent) {
    return (
      <section className="narrow">
        <h1>{t('auth.forgotTitle')}</h1>
        <p role="status">{t('auth.resetSent', { email: result.email })}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('auth.forgotTitle')}</h1>
      <p>{t('auth.forgotIntro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormErrorList messages={result?.errors.form} />
        <Field
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={result?.email}
          error={result?.errors.fields.email}
          required
        />
        <button type="submit" className="primary">
          {t('auth.sendResetLink')}
        </button>
      </Form>
    </section>
  );
}
