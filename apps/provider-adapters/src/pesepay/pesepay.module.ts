import { Module } from '@nestjs/common';
import { PesepayController } from './pesepay.controller.js';
import { PesepayService } from './pesepay.service.js';

/** Pesepay (Zimbabwe's payment gateway): wallet top-ups. */
@Module({ controllers: [PesepayController], providers: [PesepayService] })
export class PesepayModule {}
