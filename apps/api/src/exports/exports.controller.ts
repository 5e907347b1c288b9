import {
  AccountStatus,
  bearerToken,
  parseGlobalId,
  TokenService,
  Viewer,
  VIEWER_SOURCE,
  ViewerSource,
} from '@app/core';
import { ExportDownloadsService } from '@app/ideas';
import {
  Controller,
  Get,
  Header,
  Headers,
  Inject,
  NotFoundException,
  Param,
  StreamableFile,
  UnauthorizedException,
} from '@nestjs/common';

/**
 * Downloads of finished CSV exports, with the bearer token the GraphQL API takes. The global
 * AuthGuard acts on GraphQL only, so the viewer is established here the same way.
 */
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly tokens: TokenService,
    @Inject(VIEWER_SOURCE) private readonly viewers: ViewerSource,
    private readonly downloads: ExportDownloadsService,
  ) {}

  @Get(':id.csv')
  // The CSV is one member's data: no shared cache may keep it.
  @Header('Cache-Control', 'private, no-store')
  async download(
    @Headers('authorization') authorization: string | undefined,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const viewer = await this.viewerOf(authorization);
    if (!viewer) throw new UnauthorizedException('Sign in with a valid token to download exports');
    const decoded = parseGlobalId(id);
    const download =
      decoded?.type === 'ExportJob' ? await this.downloads.open(viewer, decoded.id) : null;
    // Someone else's export answers as an unknown one, so ids reveal nothing.
    if (!download) throw new NotFoundException('No finished export of yours has this id');
    return new StreamableFile(download.csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${download.filename}"`,
    });
  }

  private async viewerOf(authorization: string | undefined): Promise<Viewer | null> {
    const token = bearerToken(authorization);
    // As on GraphQL: a valid signature and an open session of the member (signOut ends it).
    const subject = token ? this.tokens.verify(token) : null;
    const viewer = subject ? await this.viewers.findViewer(subject) : null;
    return viewer && viewer.status !== AccountStatus.SUSPENDED ? viewer : null;
  }
}
