import { Injectable } from '@nestjs/common';

/** The time source for domain rules; tests replace it to pin "today". */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
