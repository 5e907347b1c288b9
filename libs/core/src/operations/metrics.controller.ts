import {
  Controller,
  Get,
  Header,
  Headers,
  Inject,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { metricsAccess } from './metrics-access';
import { MetricsRegistry } from './metrics-registry';

/** Prometheus scrape endpoint, behind METRICS_TOKEN (see metricsAccess). */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    switch (metricsAccess(this.config, authorization)) {
      case 'disabled':
        throw new NotFoundException();
      case 'unauthorized':
        reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new UnauthorizedException('Send Authorization: Bearer <METRICS_TOKEN>');
      case 'allowed':
        return this.metrics.registry.metrics();
    }
  }
}
