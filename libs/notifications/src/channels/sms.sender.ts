import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { SmsGatewayClient } from '../sms/sms-gateway';

/** SMS through our provider-neutral HTTP contract (docs/sms-gateway.md), reference = delivery id. */
@Injectable()
export class SmsSender {
  private readonly client: SmsGatewayClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new SmsGatewayClient({ url: config.SMS_GATEWAY_URL, token: config.SMS_GATEWAY_TOKEN });
  }

  send(sms: { to: string; text: string; reference: string }): Promise<{ messageId: string }> {
    return this.client.send(sms);
  }
}
