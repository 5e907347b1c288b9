/** The API's refusals that concern the whole form, not one field, above its fields. */
export function FormErrorList({ messages }: { messages: readonly string[] | undefined }) {
  return (
    <>
      {messages?.map((message) => (
        <p key={message} className="error" role="alert">
          {message}
        </p>
      ))}
    </>
  );
}
