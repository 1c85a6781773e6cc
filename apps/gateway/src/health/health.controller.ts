import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthOperatorGuard } from './health-operator.guard.js';
import { HealthProbes } from './health-probes.js';

/**
 * GET /health tells anyone (load balancers, uptime checks) only whether the platform is up: 200 or
 * 503 with `{status}`. Which hosts, processes and versions run it is for operators, at /health/details.
 */
// For load balancers and operators, not integrators: outside the public OpenAPI document.
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly probes: HealthProbes) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const { status } = await this.probes.check();
    res.status(status === 'up' ? 200 : 503).json({ status });
  }

  @Get('details')
  @UseGuards(HealthOperatorGuard)
  async details(@Res() res: Response): Promise<void> {
    const health = await this.probes.check();
    res.status(health.status === 'up' ? 200 : 503).json(health);
  }
}
