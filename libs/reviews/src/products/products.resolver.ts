import {
  Connection,
  fromGlobalId,
  PageArgs,
  pageRequest,
  RequestContext,
  Role,
  Roles,
} from '@app/core';
import {
  Args,
  Context,
  Float,
  ID,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { CreateProductInput } from '../dto/create-product.input';
import { ProductEntity } from './product.entity';
import { ProductConnection, ProductType } from './product.type';
import { ProductsService } from './products.service';

@Resolver(() => ProductType)
export class ProductsResolver {
  constructor(private readonly products: ProductsService) {}

  @Mutation(() => ProductType)
  @Roles(Role.PRODUCT_MANAGER)
  createProduct(@Args('input') input: CreateProductInput): Promise<ProductEntity> {
    return this.products.create(input);
  }

  @Query(() => ProductType, { nullable: true })
  product(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ): Promise<ProductEntity | null> {
    return this.products.load(fromGlobalId(id, 'Product', 'id'), ctx.loaders);
  }

  @Query(() => ProductConnection, { name: 'products' })
  listProducts(
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ProductEntity>> {
    return this.products.list(pageRequest(paging, info));
  }

  @ResolveField('ratingAverage', () => Float, { nullable: true })
  ratingAverage(@Parent() product: ProductEntity): number | null {
    return this.products.ratingAverage(product);
  }
}
