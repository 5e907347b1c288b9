import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { FormErrors } from '../../lib/form-errors';
import { Field } from '../field';
import { TextAreaField } from '../text-area-field';

export interface ReviewValues {
  rating: string;
  title: string;
  body: string;
}

/**
 * "Write a review": the stars as five labelled radio buttons, a title and the review. What was
 * typed stays when the API refuses it, with the reason beside the field (or above the form when
 * it concerns the whole review, as a second review of the same product does).
 */
export function ReviewForm({ values, errors }: { values?: ReviewValues; errors?: FormErrors }) {
  const { t } = useTranslation();
  const ratingError = errors?.fields.rating;
  return (
    <Form method="post" className="stack review-form" noValidate preventScrollReset>
      <input type="hidden" name="intent" value="review" />
      {errors?.form.map((message) => (
        <p key={message} className="error form-error" role="alert">
          {message}
        </p>
      ))}
      <fieldset
        className={ratingError ? 'rating-choice has-error' : 'rating-choice'}
        aria-describedby={ratingError ? 'review-rating-error' : undefined}
      >
        <legend>{t('products.write.rating')}</legend>
        <div className="rating-options">
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars}>
              <input
                type="radio"
                name="rating"
                value={stars}
                defaultChecked={values?.rating === String(stars)}
                required
              />{' '}
              {t('products.starCount', { count: stars })}
            </label>
          ))}
        </div>
        {ratingError && (
          <p id="review-rating-error" className="error" role="alert">
            {ratingError}
          </p>
        )}
      </fieldset>
      <Field
        label={t('products.write.title')}
        name="title"
        defaultValue={values?.title}
        error={errors?.fields.title}
        autoComplete="off"
        required
      />
      <TextAreaField
        label={t('products.write.body')}
        name="body"
        hint={t('products.write.bodyHint')}
        defaultValue={values?.body}
        error={errors?.fields.body}
        required
      />
      <div>
        <button type="submit" className="primary">
          {t('products.write.submit')}
        </button>
      </div>
    </Form>
  );
}
