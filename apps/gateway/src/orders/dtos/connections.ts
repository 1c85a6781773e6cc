import { ConnectionType } from '../../graph/connection.js';
import { BatchModel } from './batch.model.js';
import { OrderModel } from './order.model.js';
import { ProductModel } from './product.model.js';

export const OrderConnection = ConnectionType(OrderModel, 'Order');
export const ProductConnection = ConnectionType(ProductModel, 'Product');
export const BatchConnection = ConnectionType(BatchModel, 'Batch');
