import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Hands expected errors (contract codes raised as GraphQLErrors) straight to the error
 * formatter, so that they are not logged as crashes with their stacks.
 */
@Catch(GraphQLError)
export class ExpectedErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
